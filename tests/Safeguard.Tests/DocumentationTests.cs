using System.Reflection;
using Safeguard.Platform;

namespace Safeguard.Tests;

public sealed class DocumentationTests
{
    private static string RepositoryFile(string relative)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Safeguard.slnx")))
        {
            folder = folder.Parent;
        }
        return File.ReadAllText(Path.Combine(folder.ShouldNotBeNull("the tests run inside the repository").FullName, relative));
    }

    [Fact]
    public void EverySetting_IsDocumentedInConfigurationGuide()
    {
        var guide = RepositoryFile("docs/configuration.md");
        var settings = typeof(SafeguardSettings).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!).ToList();
        settings.ShouldNotBeEmpty();
        settings.Where(s => !guide.Contains($"`{s}`", StringComparison.Ordinal)).ShouldBeEmpty("each setting needs a row in docs/configuration.md");
    }

    [Fact]
    public void Readme_OpensWithTheTwoCommands()
    {
        var firstLines = RepositoryFile("README.md").Split('\n').Take(8).ToList();
        firstLines.ShouldContain(l => l.StartsWith("./safeguard serve", StringComparison.Ordinal));
        firstLines.ShouldContain(l => l.StartsWith("./test.sh", StringComparison.Ordinal));
    }
}
