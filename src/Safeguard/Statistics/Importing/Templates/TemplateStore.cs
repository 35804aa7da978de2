using Microsoft.EntityFrameworkCore;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Importing.Templates;

/// <summary>
/// Templates by name: those staff saved (in the database) and those shipped with Safeguard for the Home Office
/// tables. A saved template of the same name wins, so a shipped one can be adapted when a layout changes.
/// </summary>
internal sealed class TemplateStore(StatisticsDbContext db, TimeProvider clock)
{
    private const string ShippedPrefix = "Safeguard.Statistics.Importing.Templates.Shipped.";

    /// <summary>The templates shipped with Safeguard, read from the assembly.</summary>
    public static IReadOnlyList<TemplateDefinition> Shipped { get; } = LoadShipped();

    public async Task<TemplateDefinition?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var saved = await db.ImportTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Name == name, cancellationToken);
        return saved is not null
            ? TemplateDefinition.Parse(saved.Definition, $"saved template '{name}'")
            : Shipped.FirstOrDefault(t => t.Name == name);
    }

    /// <summary>Every template, saved ones first in name order, then the shipped ones not overridden.</summary>
    public async Task<List<(TemplateDefinition Template, bool Saved)>> AllAsync(CancellationToken cancellationToken)
    {
        var saved = (await db.ImportTemplates.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken))
            .Select(t => TemplateDefinition.Parse(t.Definition, $"saved template '{t.Name}'")).ToList();
        return [.. saved.Select(t => (t, true)), .. Shipped.Where(s => saved.All(t => t.Name != s.Name)).Select(t => (t, false))];
    }

    /// <summary>Saves a template for its series, replacing a saved one of the same name.</summary>
    public async Task SaveAsync(TemplateDefinition template, CancellationToken cancellationToken)
    {
        var row = await db.ImportTemplates.FirstOrDefaultAsync(t => t.Name == template.Name, cancellationToken);
        if (row is null)
        {
            row = new ImportTemplate { Name = template.Name, Series = template.Series, Definition = "" };
            db.ImportTemplates.Add(row);
        }
        row.Series = template.Series;
        row.Definition = template.ToJson();
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<TemplateDefinition> LoadShipped()
    {
        var assembly = typeof(TemplateStore).Assembly;
        var templates = new List<TemplateDefinition>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ShippedPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            templates.Add(TemplateDefinition.Parse(reader.ReadToEnd(), $"shipped template {name[ShippedPrefix.Length..]}"));
        }
        return templates;
    }
}
