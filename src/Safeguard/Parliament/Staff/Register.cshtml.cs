using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Platform.Web;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Parliament.Staff;

/// <summary>The register of MPs and peers, a page at a time, searched by name.</summary>
internal sealed class RegisterModel(RegisterBook book) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "name")]
    public string? Name { get; set; }

    public IReadOnlyList<RegisterRow> Rows { get; private set; } = [];

    public Pagination Pages { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = Pagination.Parameter)] int page = 1, CancellationToken cancellationToken = default)
    {
        var name = FormText.Read(Name);
        var path = name is null ? ParliamentStaffPaths.Register : $"{ParliamentStaffPaths.Register}?name={Uri.EscapeDataString(name)}";
        Pages = new Pagination(page, PageSize, await book.CountAsync(name, cancellationToken), path, "Pages of the register");
        if (!Pages.Exists)
        {
            return NotFound();
        }
        Rows = await book.ListAsync(name, Pages.Skip, PageSize, cancellationToken);
        return Page();
    }
}
