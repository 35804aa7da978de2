using Microsoft.AspNetCore.Mvc;
using Safeguard.Site.News;

namespace Safeguard.Site.Public;

/// <summary>One category's published news, a page at a time; an unknown category is a 404.</summary>
internal sealed class CategoryModel(NewsReader reader) : NewsListModel(reader)
{
    public NewsCategory Category { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string category, CancellationToken cancellationToken)
    {
        if (NewsCategories.Find(category) is not { } found)
        {
            return NotFound();
        }
        Category = found;
        return await ListAsync(category, $"/news/category/{category}", cancellationToken);
    }
}
