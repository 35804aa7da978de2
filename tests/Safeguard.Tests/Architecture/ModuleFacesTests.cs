using ArchUnitNET.Domain;
using ArchUnitNET.Loader;

namespace Safeguard.Tests.Architecture;

/// <summary>
/// The allowed dependencies between the parts of the application, read from the compiled assembly (docs/architecture.md
/// draws the same table). A module (Statistics, Foi, Casework, Accounts, Audit, Parliament, Site) may use Platform, with its web kernel,
/// and another module only through that module's face: its <c>XModule</c> root and its <c>Contracts</c> namespace.
/// Platform uses no module; no module uses the Host; the Host, which composes them all, may use anything. There are no
/// cycles between modules.
/// </summary>
public sealed class ModuleFacesTests
{
    private static readonly string[] Modules = ["Statistics", "Foi", "Casework", "Accounts", "Audit", "Parliament", "Site"];

    private static readonly Lazy<IReadOnlyList<IType>> Types = new(() =>
        [.. new ArchLoader().LoadAssemblies(typeof(Program).Assembly).Build().Types.Where(t => Part(t.FullName) is not null)]);

    [Fact]
    public void Dependencies_BetweenParts_KeepToTheFaces()
    {
        var forbidden = Dependencies().Where(d => !Allowed(d.From, d.To)).Select(d => $"{d.From.FullName} -> {d.To.FullName}").Distinct().Order(StringComparer.Ordinal);

        forbidden.ShouldBeEmpty();
    }

    [Fact]
    public void Modules_DependOnEachOther_WithoutCycles()
    {
        var edges = Dependencies().Select(d => (From: Part(d.From.FullName)!, To: Part(d.To.FullName)!))
            .Where(e => e.From != e.To && Modules.Contains(e.From) && Modules.Contains(e.To)).Distinct().ToList();

        var cycles = edges.Where(e => Reaches(edges, e.To, e.From)).Select(e => $"{e.From} -> {e.To}").Order(StringComparer.Ordinal);

        cycles.ShouldBeEmpty();
    }

    /// <remarks>
    /// Razor page models need not be public (the generated page classes are internal, and reach their models as such),
    /// so none is. EF Core's generator writes migrations public; they are left as generated.
    /// </remarks>
    [Fact]
    public void Modules_ShowOnlyTheirFaces_AsPublic()
    {
        var shown = Types.Value.Where(t => Modules.Contains(Part(t.FullName)) && t.Visibility == Visibility.Public && !IsNested(t)
                && !IsFace(t.FullName) && !t.FullName.Contains(".Data.Migrations.", StringComparison.Ordinal))
            .Select(t => t.FullName).Order(StringComparer.Ordinal);

        shown.ShouldBeEmpty();
    }

    /// <summary>The part of the application a type belongs to: a module, Platform or Host; null for anything else.</summary>
    private static string? Part(string fullName) =>
        fullName.StartsWith("Safeguard.Host.", StringComparison.Ordinal) ? "Host"
        : fullName.StartsWith("Safeguard.Platform.", StringComparison.Ordinal) ? "Platform"
        : Modules.FirstOrDefault(m => fullName.StartsWith($"Safeguard.{m}.", StringComparison.Ordinal));

    /// <summary>Whether a type is on its module's face: the <c>XModule</c> root (and what it nests) or the Contracts namespace.</summary>
    private static bool IsFace(string fullName) => Part(fullName) is { } module
        && (fullName.StartsWith($"Safeguard.{module}.Contracts.", StringComparison.Ordinal)
            || fullName == $"Safeguard.{module}.{module}Module"
            || fullName.StartsWith($"Safeguard.{module}.{module}Module+", StringComparison.Ordinal)
            || fullName.StartsWith($"Safeguard.{module}.{module}Module/", StringComparison.Ordinal));

    private static bool Allowed(IType from, IType to)
    {
        var origin = Part(from.FullName)!;
        var target = Part(to.FullName)!;
        return origin == target
            || origin == "Host"
            || (target == "Platform")
            || (origin != "Platform" && target != "Host" && IsFace(to.FullName));
    }

    private static IEnumerable<(IType From, IType To)> Dependencies() =>
        Types.Value.SelectMany(t => t.Dependencies.Select(d => (From: t, To: d.Target))).Where(d => Part(d.To.FullName) is not null);

    private static bool IsNested(IType type) => type.FullName.Contains('+', StringComparison.Ordinal) || type.FullName.Contains('/', StringComparison.Ordinal);

    private static bool Reaches(IReadOnlyList<(string From, string To)> edges, string start, string goal)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var next = new Queue<string>([start]);
        while (next.TryDequeue(out var part))
        {
            if (part == goal)
            {
                return true;
            }
            foreach (var (_, to) in edges.Where(e => e.From == part).Where(e => seen.Add(e.To)))
            {
                next.Enqueue(to);
            }
        }
        return false;
    }
}
