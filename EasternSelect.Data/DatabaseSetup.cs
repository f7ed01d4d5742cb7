using EasternSelect.Data.Auditing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Options for one provider, built once; each context gets the actor of its scope.</summary>
public sealed class PortalDatabase
{
    public const string DefaultSqliteConnection = "Data Source=data/portal.db";

    /// <summary>How long a SQLite command waits for another writer's lock before failing (Microsoft.Data.Sqlite waits 30 s by default).</summary>
    public const int DefaultSqliteBusyTimeoutSeconds = 5;

    private readonly DbContextOptions _options;

    /// <param name="interceptors">Further EF interceptors besides auditing (the tests add the SQL Server query check).</param>
    public PortalDatabase(DatabaseProvider provider, string connectionString, TimeProvider time, IEnumerable<IInterceptor>? interceptors = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        IInterceptor[] all = [new AuditingInterceptor(time), .. interceptors ?? []];
        _options = provider switch
        {
            DatabaseProvider.Sqlite => new DbContextOptionsBuilder<SqlitePortalDbContext>()
                .UseSqlite(connectionString)
                .AddInterceptors(all)
                .Options,
            DatabaseProvider.SqlServer => new DbContextOptionsBuilder<SqlServerPortalDbContext>()
                .UseSqlServer(connectionString)
                .AddInterceptors(all)
                .Options,
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public PortalDbContext Create(AuditActor actor)
    {
        PortalDbContext db = Provider == DatabaseProvider.Sqlite
            ? new SqlitePortalDbContext((DbContextOptions<SqlitePortalDbContext>)_options)
            : new SqlServerPortalDbContext((DbContextOptions<SqlServerPortalDbContext>)_options);
        db.Actor = actor;
        return db;
    }

    /// <summary>
    /// Reads <c>Database:Provider</c> and <c>ConnectionStrings:Portal</c>. A relative SQLite file
    /// path is resolved against <paramref name="baseDirectory"/>, and its folder is created.
    /// </summary>
    public static PortalDatabase FromConfiguration(IConfiguration configuration, string baseDirectory, TimeProvider time, IEnumerable<IInterceptor>? interceptors = null)
    {
        var providerName = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException($"Database:Provider must be Sqlite or SqlServer, not '{providerName}'.");
        }

        var connectionString = configuration.GetConnectionString("Portal");
        if (provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnection : connectionString)
            {
                // A person waits this long at most per try when another writer holds the database; the form then says "try again".
                DefaultTimeout = configuration.GetValue("Database:SqliteBusyTimeoutSeconds", DefaultSqliteBusyTimeoutSeconds),
            };
            if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            {
                builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, builder.DataSource));
            }

            if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            connectionString = builder.ToString();
        }
        else if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:Portal is required when Database:Provider is SqlServer.");
        }

        return new PortalDatabase(provider, connectionString, time, interceptors);
    }
}

/// <summary>One context per operation (the Blazor Server guidance), named after the scope's user.</summary>
public sealed class PortalDbContextFactory(PortalDatabase database, ICurrentUser currentUser) : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() => database.Create(currentUser.Actor);
}

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, string baseDirectory)
    {
        // EF interceptors registered in DI join the auditing one (the tests register the SQL Server query check).
        services.AddSingleton(sp => PortalDatabase.FromConfiguration(configuration, baseDirectory, sp.GetRequiredService<TimeProvider>(), sp.GetServices<IInterceptor>()));
        services.AddScoped<IDbContextFactory<PortalDbContext>, PortalDbContextFactory>();
        // Identity and data protection resolve a scoped context; it is disposed with the scope.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        return services;
    }
}
