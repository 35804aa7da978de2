using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Casework.Data;
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
        var viaForm = await db.Referrals.CountAsync(r => r.Channel == Safeguard.Casework.Records.ReferralChannel.PublicForm, cancel);
        var otherwise = await db.Referrals.CountAsync(r => r.Channel != Safeguard.Casework.Records.ReferralChannel.PublicForm, cancel);
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

public sealed class SqliteCaseworkMigrationTests(SqlitePortalFactory factory) : CaseworkMigrationTests<SqlitePortalFactory>(factory);

public sealed class PostgresCaseworkMigrationTests(PostgresPortalFactory factory) : CaseworkMigrationTests<PostgresPortalFactory>(factory);
