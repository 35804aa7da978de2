using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Platform.Web.Forms;
using Safeguard.Site.News;

namespace Safeguard.Site.Staff;

/// <summary>
/// The form of a post, new or changed: what was typed is bound as text to be shown again, and read typed
/// (<see cref="Read"/>) once its rules pass.
/// </summary>
internal abstract class PostFormModel : PageModel
{
    public static IReadOnlyList<Choice> CategoryChoices { get; } = [.. NewsCategories.All.Select(c => new Choice(c.Slug, c.Name))];

    [BindProperty]
    [Required(ErrorMessage = "Enter a title, for example Our work in Parliament this year")]
    [TextLength(200, "The title")]
    public string? Title { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter a summary of a sentence or two")]
    [TextLength(500, "The summary")]
    public string? Summary { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the post itself")]
    [TextLength(50000, "The post")]
    public string? Body { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter who the post is by, for example the policy team")]
    [TextLength(200, "The author")]
    public string? Author { get; set; }

    [BindProperty]
    [EachOf(NewsCategories.Parliament, NewsCategories.Statistics, NewsCategories.AnnualReports, NewsCategories.CourtDecisions, ErrorMessage = "Choose categories from the list")]
    public List<string> Categories { get; set; } = [];

    /// <summary>The typed post, once ModelState is valid; null otherwise.</summary>
    protected PostInput? Read()
    {
        if (!ModelState.IsValid || FormText.Read(Title) is not { } title || FormText.Read(Summary) is not { } summary
            || FormText.Read(Body) is not { } body || FormText.Read(Author) is not { } author)
        {
            return null;
        }
        return new PostInput(title, summary, body, author, Categories);
    }

    /// <summary>Fills the form from a post written before.</summary>
    protected void Fill(NewsPost post)
    {
        Title = post.Title;
        Summary = post.Summary;
        Body = post.Body;
        Author = post.Author;
        Categories = [.. post.Categories.Select(c => c.Category)];
    }

    /// <summary>Says, by the title, that the address it makes is another post's.</summary>
    protected void Refuse(PostAddressTakenException taken) =>
        ModelState.AddModelError(nameof(Title), $"Another post has, or had, the address /news/{taken.Slug}: change the title");
}
