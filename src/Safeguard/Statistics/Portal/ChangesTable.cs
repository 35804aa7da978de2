using Safeguard.Platform.Web;
using Safeguard.Statistics.Releases;

namespace Safeguard.Statistics.Portal;

/// <summary>One page of the figures that differ between two sets of figures, for <c>_ChangesTable.cshtml</c>.</summary>
/// <param name="Changes">The changes on this page.</param>
/// <param name="Caption">The table's caption, with the range shown when there are several pages.</param>
/// <param name="Pages">Which page, and the links to the others.</param>
internal sealed record ChangesTable(IReadOnlyList<FigureChange> Changes, string Caption, Pagination Pages);
