using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Casework.Data;
using Safeguard.Casework.Referrals;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Casework;

/// <summary>The casework module's migrations, on each engine.</summary>
public abstract class CaseworkMigrationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public void Migrations_CoverTheCaseworkModel()
    {
        using var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CaseworkDbContext>().Database.HasPendingModelChanges()
            .ShouldBeFalse($"the {factory.Provider} casework migrations lag the model: run tools/add-migration.sh casework NAME");
    }

    /// <summary>
    /// Referrals stored before staff could record them (the demonstration data's) keep how they came when the
    /// migration turns ViaPublicForm into a channel: the public form's stay so, the others become "other"; each was
    /// recorded when received; and the migration goes back down and up again without losing a row.
    /// </summary>
    [Fact]
    public async Task StaffRecordedReferralsMigration_ExistingReferrals_KeepWhetherTheyCameThroughThePublicForm()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        var total = await db.Referrals.CountAsync(cancel);
        var viaForm = await db.Referrals.CountAsync(r => r.Channel == ReferralChannel.PublicForm, cancel);
        var otherwise = await db.Referrals.CountAsync(r => r.Channel != ReferralChannel.PublicForm, cancel);
        (viaForm, otherwise).ShouldSatisfyAllConditions(() => viaForm.ShouldBeGreaterThan(0), () => otherwise.ShouldBeGreaterThan(0));
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_StaffRecordedReferrals", StringComparison.Ordinal)) - 1];
        var migrator = db.GetService<IMigrator>();

        await migrator.MigrateAsync(before, cancel);
        (await CountAsync(db, """SELECT COUNT(*) FROM casework_referrals WHERE "ViaPublicForm" """)).ShouldBe(viaForm, "going back down keeps which came through the form");
        await migrator.MigrateAsync(cancellationToken: cancel);

        (await db.Database.GetPendingMigrationsAsync(cancel)).ShouldBeEmpty();
        (await db.Referrals.CountAsync(cancel)).ShouldBe(total);
        (await CountAsync(db, """SELECT COUNT(*) FROM casework_referrals WHERE "Channel" = 'PublicForm'""")).ShouldBe(viaForm);
        (await CountAsync(db, """SELECT COUNT(*) FROM casework_referrals WHERE "Channel" = 'Other'""")).ShouldBe(otherwise);
        (await CountAsync(db, """SELECT COUNT(*) FROM casework_referrals WHERE "RecordedAtUtc" = "ReceivedAtUtc" AND "ConsentConfirmed" AND "RecordedBy" IS NULL""")).ShouldBe(total);
    }

    /// <summary>
    /// Going back below the withdrawal migration leaves no status the older code cannot read: a withdrawn referral
    /// goes back declined (recorded twice as a duplicate, withdrawn by the person or the referrer as no consent), out
    /// of the queue as it was; up again, nothing is waiting that was not.
    /// </summary>
    [Fact]
    public async Task ReferralWithdrawalMigration_GoingBackDown_DeclinesWithdrawnReferralsInsteadOfLeavingAStatusOlderCodeCannotRead()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        var waiting = await db.Referrals.Where(r => r.Status == TriageStatus.Waiting).OrderBy(r => r.Id).Select(r => r.Id).Take(2).ToListAsync(cancel);
        waiting.Count.ShouldBe(2, "the demonstration data has referrals waiting");
        await WithdrawAsync(db, waiting[0], WithdrawalReason.RecordedTwice);
        await WithdrawAsync(db, waiting[1], WithdrawalReason.WithdrawnByTheReferrer);
        var stillWaiting = await db.Referrals.CountAsync(r => r.Status == TriageStatus.Waiting, cancel);
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_ReferralWithdrawal", StringComparison.Ordinal)) - 1];
        var migrator = db.GetService<IMigrator>();

        await migrator.MigrateAsync(before, cancel);
        (await CountAsync(db, """SELECT COUNT(*) FROM casework_referrals WHERE "Status" = 'Withdrawn'""")).ShouldBe(0);
        (await CountAsync(db, $"""SELECT COUNT(*) FROM casework_referrals WHERE "Id" = {waiting[0]} AND "Status" = 'Declined' AND "DeclineReason" = 'Duplicate'""")).ShouldBe(1);
        (await CountAsync(db, $"""SELECT COUNT(*) FROM casework_referrals WHERE "Id" = {waiting[1]} AND "Status" = 'Declined' AND "DeclineReason" = 'NoConsent'""")).ShouldBe(1);
        await migrator.MigrateAsync(cancellationToken: cancel);

        db.ChangeTracker.Clear();
        (await db.Referrals.Where(r => waiting.Contains(r.Id)).Select(r => r.Status).ToListAsync(cancel)).ShouldAllBe(s => s == TriageStatus.Declined);
        (await db.Referrals.CountAsync(r => r.Status == TriageStatus.Waiting, cancel)).ShouldBe(stillWaiting);
    }

    private static Task<int> WithdrawAsync(CaseworkDbContext db, int id, WithdrawalReason reason) =>
        db.Referrals.Where(r => r.Id == id).ExecuteUpdateAsync(referral => referral
            .SetProperty(r => r.Status, TriageStatus.Withdrawn)
            .SetProperty(r => r.WithdrawalReason, reason), TestContext.Current.CancellationToken);

    private static async Task<long> CountAsync(CaseworkDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
        }
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class SqliteCaseworkMigrationTests(SqliteDemonstrationPortalFactory factory) : CaseworkMigrationTests<SqliteDemonstrationPortalFactory>(factory);

public sealed class PostgresCaseworkMigrationTests(PostgresDemonstrationPortalFactory factory) : CaseworkMigrationTests<PostgresDemonstrationPortalFactory>(factory);
