using Microsoft.EntityFrameworkCore;
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
}

public sealed class SqliteCaseworkMigrationTests(SqlitePortalFactory factory) : CaseworkMigrationTests<SqlitePortalFactory>(factory);

public sealed class PostgresCaseworkMigrationTests(PostgresPortalFactory factory) : CaseworkMigrationTests<PostgresPortalFactory>(factory);
