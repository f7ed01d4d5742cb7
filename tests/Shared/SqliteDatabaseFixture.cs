using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Suppliers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Tests.Shared;

/// <summary>A real SQLite file in its own temp folder, migrated once per test class and deleted afterwards.</summary>
public sealed class SqliteDatabaseFixture : IAsyncLifetime
{
    public static readonly AuditActor Tester = new("u1", "tester@demo.local");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "es-data-tests", Guid.NewGuid().ToString("N"));
    private readonly int _queryFailuresBefore = SqlServerQueryCheck.FailureCount;
    private int _taxIdCounter;

    public SqliteDatabaseFixture()
    {
        FilePath = Path.Combine(_folder, "portal.db");
        Database = new PortalDatabase(DatabaseProvider.Sqlite, "Data Source=" + FilePath, TimeProvider.System, SqlServerQueryCheck.Interceptors);
    }

    public string FilePath { get; }

    public PortalDatabase Database { get; }

    public PortalDbContext Create(AuditActor? actor = null) => Database.Create(actor ?? Tester);

    /// <summary>A valid tax ID no other test in this class uses (the seeder's range starts at 1000000).</summary>
    public string NextTaxId() =>
        TaxId.WithCheckDigit((9_000_000 + Interlocked.Increment(ref _taxIdCounter)).ToString("D7", CultureInfo.InvariantCulture));

    public Supplier NewSupplier(string name, decimal yearlyVolume = 1_000m) => new()
    {
        Name = name,
        TaxId = NextTaxId(),
        Category = SupplierCategory.Food,
        ContactName = "王小明",
        ContactPhone = "0912345678",
        ContactEmail = "john@example.com",
        YearlyTransactionVolume = yearlyVolume,
    };

    public async Task<int> AddSupplierAsync(string name, decimal yearlyVolume = 1_000m)
    {
        await using var db = Create();
        var supplier = NewSupplier(name, yearlyVolume);
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync();
        return supplier.Id;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await using var db = Create();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the folder can be deleted.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        // A query SQL Server cannot run fails the class even when the code under test swallowed the exception.
        SqlServerQueryCheck.ThrowIfFailedSince(_queryFailuresBefore);
        return Task.CompletedTask;
    }
}
