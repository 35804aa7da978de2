using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts.Contracts;
using Safeguard.Foi;
using Safeguard.Foi.Requests;
using Safeguard.Platform;
using Safeguard.Statistics.Importing.Files;
using Safeguard.Tests.Accounts;

namespace Safeguard.Tests.Http;

/// <summary>
/// The shared upload size limit on each module's upload form, reached as routing reaches it: whatever the capitals,
/// with or without a trailing slash, a file too large is sent back to its form with the form's message, rather than
/// meeting the server's own limit; and nothing is stored. (The casework form's is tested with the casework pages.)
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
    [InlineData("/staff/foi/requests/{request}/documents/new")]
    [InlineData("/STAFF/FOI/Requests/{request}/Documents/NEW")]
    [InlineData("/staff/foi/requests/{request}/documents/new/")]
    public async Task FoiAnswerUpload_TooLarge_HoweverTheAddressIsTyped_IsSentBackToTheFormWithItsMessage_AndNothingIsStored(string form)
    {
        var (_, officer) = await StaffBrowser.SignedInAsync(factory, StaffRoles.PolicyOfficer);
        await using var scope = factory.Services.CreateAsyncScope();
        var book = scope.ServiceProvider.GetRequiredService<FoiRequestBook>();
        var request = await book.AddAsync(new FoiRequest
        {
            Reference = $"MJ-FOI-HUGE-{Guid.NewGuid().ToString("N")[..6]}",
            Authority = "Home Office",
            Subject = "Use of force by centre, January to June 2026",
            Text = "",
        }, Cancel);
        var address = form.Replace("{request}", request.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var back = await SentBackAsync(officer, address, factory.Services.GetRequiredService<FoiSettings>().MaxDocumentBytes);

        back.ShouldBe($"{address}?tooLarge=true");
        (await officer.PageAsync(back)).QuerySelector(".error-summary a[href='#File']")!.TextContent
            .ShouldBe("The file must be smaller than 20 MB; ask an administrator to raise Safeguard:Foi:MaxDocumentBytes if the authority sent a larger one");
        (await book.DocumentsAsync(request.Id, Cancel)).ShouldBeEmpty();
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
