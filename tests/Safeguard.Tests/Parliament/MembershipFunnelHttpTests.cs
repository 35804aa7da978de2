using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts.Contracts;
using Safeguard.Audit.Searching;
using Safeguard.Parliament.Data;
using Safeguard.Parliament.Register;
using Safeguard.Parliament.YourMp;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Parliament;

/// <summary>/staff/parliament/funnel on each engine: letters started per MP beside what a policy officer records, audited.</summary>
public abstract class MembershipFunnelHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OwnPortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(SyntheticMp Mp, int Id)> ArrangeAsync()
    {
        var mps = SyntheticRegister.Mps(2, firstMnisId: 94001);
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<RegisterImport>().ImportAsync(
            new RegisterFiles(MpList.Read(new StringReader(SyntheticRegister.MpList(mps)), "mps.csv"), null, null, "mps.csv"), Cancel);
        var letters = scope.ServiceProvider.GetRequiredService<LettersStarted>();
        await letters.CountAsync(mps[0].Code, Cancel);
        await letters.CountAsync(mps[0].Code, Cancel);
        var id = await scope.ServiceProvider.GetRequiredService<ParliamentDbContext>().Parliamentarians.Where(p => p.MnisId == mps[0].MnisId).Select(p => p.Id).SingleAsync(Cancel);
        return (mps[0], id);
    }

    [Fact]
    public async Task Record_PolicyOfficerRecordsAskedAndReplied_ListShowsThemBesideTheLettersAndTheChangeIsAudited()
    {
        var (mp, id) = await ArrangeAsync();
        var (staff, officer) = await StaffBrowser.SignedInAsync(factory, StaffRoles.PolicyOfficer);

        var saved = await officer.SubmitAsync($"/staff/parliament/funnel/{id}", [new("AskedOn", "3/11/2026"), new("RepliedOn", "9/11/2026"), new("JoinedOn", "")]);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, factory.Provider);
        var row = (await officer.PageAsync("/staff/parliament/funnel")).QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(mp.Name, StringComparison.Ordinal));
        await using var scope = factory.Services.CreateAsyncScope();
        // Each test of the class starts two letters to the seat.
        var letters = await scope.ServiceProvider.GetRequiredService<ParliamentDbContext>().LettersStarted.Where(c => c.ConstituencyCode == mp.Code).SumAsync(c => c.Letters, Cancel);
        letters.ShouldBeGreaterThanOrEqualTo(2);
        row.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim())
            .ShouldBe([mp.Name, mp.Seat, "No", letters.ToString(System.Globalization.CultureInfo.InvariantCulture), "3 November 2026", "9 November 2026", ""]);
        var entries = await scope.ServiceProvider.GetRequiredService<AuditQuery>()
            .SearchAsync(new() { RecordType = "parliament-membership-request", RecordId = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Cancel);
        entries.Select(e => (e.Actor, e.Detail)).ShouldBe([(staff.Id, "asked 2026-11-03, replied 2026-11-09, joined -")]);
    }

    [Fact]
    public async Task Record_ReplyWithoutTheDayAsked_IsRefusedOnTheField()
    {
        var (_, id) = await ArrangeAsync();
        var (_, officer) = await StaffBrowser.SignedInAsync(factory, StaffRoles.PolicyOfficer);

        var refused = await officer.SubmitAsync($"/staff/parliament/funnel/{id}", [new("AskedOn", ""), new("RepliedOn", "9/11/2026"), new("JoinedOn", "")]);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StaffBrowser.ParseAsync(refused)).QuerySelector("#AskedOn-error")!.TextContent.ShouldContain("Enter the day you asked");
    }
}

public sealed class SqliteMembershipFunnelHttpTests(YourMpSqliteFactory factory) : MembershipFunnelHttpTests<YourMpSqliteFactory>(factory);

public sealed class PostgresMembershipFunnelHttpTests(YourMpPostgresFactory factory) : MembershipFunnelHttpTests<YourMpPostgresFactory>(factory);
