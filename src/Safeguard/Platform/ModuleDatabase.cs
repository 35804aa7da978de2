using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Safeguard.Platform;

/// <summary>
/// A module's part in preparing the database: its migrations and reference data, and its demonstration data.
/// Each module registers one; <see cref="DatabaseInitializer"/> runs them in registration order.
/// </summary>
public interface IModuleDatabase
{
    /// <summary>Module name, for messages.</summary>
    string Name { get; }

    /// <summary>Creates or upgrades the module's tables and adds missing reference data.</summary>
    Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Adds the demonstration data if it is not there yet.</summary>
    Task LoadDemonstrationDataAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>Runs every module's migrations, then (when asked) every module's demonstration data.</summary>
public sealed partial class DatabaseInitializer(
    IEnumerable<IModuleDatabase> modules, IServiceScopeFactory scopes, SafeguardDatabase database, ILogger<DatabaseInitializer> logger)
{
    /// <summary>Prepares every module's tables; a database that cannot be reached or opened is reported in words.</summary>
    public async Task InitializeAsync(bool demonstrationData, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(demonstrationData, cancellationToken);
        }
        catch (Exception failure) when (failure is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
        {
            throw new DatabaseUnavailableException(
                $"Could not prepare the {database.Describe()}: {failure.Message.TrimEnd('.')}. Check --database (or ConnectionStrings__Default), that the server is running and that the account may create tables.",
                failure);
        }
    }

    private async Task RunAsync(bool demonstrationData, CancellationToken cancellationToken)
    {
        await database.CreateSqliteFileOwnerOnlyAsync(cancellationToken);
        foreach (var module in modules)
        {
            await using var scope = scopes.CreateAsyncScope();
            LogMigrating(logger, module.Name);
            await module.MigrateAsync(scope.ServiceProvider, cancellationToken);
        }
        if (!demonstrationData)
        {
            return;
        }
        foreach (var module in modules)
        {
            await using var scope = scopes.CreateAsyncScope();
            LogLoadingDemonstrationData(logger, module.Name);
            await module.LoadDemonstrationDataAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrating the {Module} module")]
    private static partial void LogMigrating(ILogger logger, string module);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading demonstration data for the {Module} module")]
    private static partial void LogLoadingDemonstrationData(ILogger logger, string module);
}

/// <summary>How every module applies its migrations.</summary>
public static class ModuleMigrations
{
    /// <summary>
    /// Applies the context's migrations, creating the module's history table first when the database is there:
    /// otherwise EF Core reads that table before it exists on a fresh PostgreSQL database and logs the read as a
    /// failed command (dotnet/efcore#37328), which a person setting up a server takes for an error. A database that
    /// is not there yet is left for the migrations to create, as before.
    /// </summary>
    public static async Task MigrateModuleAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (await database.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            await database.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }
        await database.MigrateAsync(cancellationToken);
    }
}
