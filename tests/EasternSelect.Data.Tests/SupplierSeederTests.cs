using EasternSelect.Data.Seed;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Tests;

public sealed class SupplierSeederTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    [Fact]
    public async Task SeedAsync_SmallScale_CreatesValidUniqueRowsWithOneSeedAuditEntry()
    {
        var scale = new SupplierSeeder.Scale(30, 200);
        var reports = new List<(int Done, int Total)>();
        await using (var db = fixture.Create())
        {
            await SupplierSeeder.SeedAsync(db, scale, TimeProvider.System, new SynchronousProgress(reports.Add), CancellationToken.None);
        }

        await using var check = fixture.Create();
        var taxIds = await check.Suppliers.Select(s => s.TaxId).ToListAsync();
        Assert.Equal(30, taxIds.Count);
        Assert.All(taxIds, id => Assert.True(TaxId.IsValid(id), id));
        Assert.Equal(taxIds.Count, taxIds.Distinct().Count());
        Assert.Equal(200, await check.Products.CountAsync());
        Assert.Equal(200, await check.Products.Select(p => p.Sku).Distinct().CountAsync());
        var audit = Assert.Single(await check.AuditEntries.AsNoTracking().ToListAsync());
        Assert.Equal(AuditAction.Seed, audit.Action);
        Assert.Equal(SqliteDatabaseFixture.Tester.UserName, audit.UserName);
        Assert.Equal((230, 230), reports[^1]);
    }

    /// <summary><see cref="Progress{T}"/> posts to the thread pool; this records reports in order, before SeedAsync returns.</summary>
    private sealed class SynchronousProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
