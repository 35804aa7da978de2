using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts;
using Safeguard.Foi;
using Safeguard.Platform;
using Safeguard.Statistics.Importing.Files;
using Safeguard.Tests.Accounts;

namespace Safeguard.Tests.Http;

/// <summary>
/// The shared upload size limit on each module's upload form, reached as routing reaches it: whatever the capitals,
/// with or without a trailing slash, a file too large is sent back to its form with the form's message, rather than
/// meeting the server's own limit. (The casework form's own test goes on to read the message.)
/// </summary>
public abstract class UploadSizeLimitHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/staff/statistics/imports/new")]
    [InlineData("/Staff/Statistics/Imports/New")]
    [InlineData("/staff/statistics/imports/new/")]
    public async Task ImportUpload_TooLarge_HoweverTheAddressIsTyped_IsSentBackToTheFormWithItsMessage(string address)
    {
        var (_, officer) = await StaffBrowser.SignedInAsync(factory, StaffRoles.PolicyOfficer);
        var back = await SentBackAsync(officer, address, factory.Services.GetRequiredService<ImportLimits>().MaxFileBytes);

        back.ShouldBe($"{address}?tooLarge=true");
        (await officer.PageAsync(back)).QuerySelector(".error-summary a[href='#File']")!.TextContent.ShouldStartWith("The file must be smaller than 50 MB");
    }

    [Theory]
    [InlineData("/staff/foi/requests/7/documents/new")]
    [InlineData("/STAFF/FOI/Requests/7/Documents/NEW")]
    [InlineData("/staff/foi/requests/7/documents/new/")]
    public async Task FoiAnswerUpload_TooLarge_HoweverTheAddressIsTyped_IsSentBackToTheForm(string address)
    {
        var (_, officer) = await StaffBrowser.SignedInAsync(factory, StaffRoles.PolicyOfficer);

        (await SentBackAsync(officer, address, factory.Services.GetRequiredService<FoiSettings>().MaxDocumentBytes)).ShouldBe($"{address}?tooLarge=true");
    }

    /// <summary>Posts a file one byte larger than the form takes to <paramref name="address"/>; where the form was sent back to.</summary>
    private static async Task<string> SentBackAsync(StaffBrowser browser, string address, long maxFileBytes)
    {
        using var body = new MultipartFormDataContent { { new ByteArrayContent(new byte[maxFileBytes + UploadSizeLimit.FormAllowance + 1]), "File", "huge.csv" } };
        var response = await browser.Client.PostAsync(address, body, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, address);
        return StaffBrowser.PathOf(response.Headers.Location);
    }
}

public sealed class SqliteUploadSizeLimitHttpTests(SqlitePortalFactory factory) : UploadSizeLimitHttpTests<SqlitePortalFactory>(factory);

public sealed class PostgresUploadSizeLimitHttpTests(PostgresPortalFactory factory) : UploadSizeLimitHttpTests<PostgresPortalFactory>(factory);
