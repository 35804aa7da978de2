using Microsoft.Extensions.DependencyInjection;
using Safeguard.Platform.Encryption;

namespace Safeguard.Tests.Encryption;

public sealed class EncryptedColumnsRegistrationTests
{
    [Fact]
    public void AddEncryptedColumns_OneLinePerModule_RegistersEachColumnForRotation()
    {
        var services = new ServiceCollection();

        services.AddEncryptedColumns<SampleContext>(columns => columns
            .Text<SampleClient>(c => c.Name, "sample.client.name")
            .Bytes<SampleClient>(c => c.Letter, "sample.client.letter"));

        var registered = services.BuildServiceProvider().GetServices<IEncryptedData>().Cast<EncryptedColumn<SampleContext>>().ToList();
        registered.Select(c => (c.Purpose, c.Property, c.Binary)).ShouldBe([("sample.client.name", "Name", false), ("sample.client.letter", "Letter", true)]);
    }

    [Fact]
    public void AddEncryptedColumns_SomethingOtherThanAProperty_OrABadPurpose_IsRefused()
    {
        var services = new ServiceCollection();

        Should.Throw<ArgumentException>(() => services.AddEncryptedColumns<SampleContext>(columns => columns.Text<SampleClient>(c => c.Name.Trim(), "sample.client.name")));
        Should.Throw<ArgumentException>(() => services.AddEncryptedColumns<SampleContext>(columns => columns.Text<SampleClient>(c => c.Name, "Client Name")));
    }
}
