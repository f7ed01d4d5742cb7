using System.Globalization;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Tests;

/// <summary>The test run sets TZ=Asia/Taipei (data-tests.runsettings) so that local time is not UTC.</summary>
public sealed class UtcDateTimeTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    [Fact]
    public void LocalTimeZone_TestRun_IsNotUtc() =>
        // Without an offset the Local-kind tests below could not tell a conversion from none.
        Assert.NotEqual(TimeSpan.Zero, TimeZoneInfo.Local.GetUtcOffset(new DateTime(2026, 3, 14, 9, 30, 0, DateTimeKind.Utc)));

    [Fact]
    public async Task SaveChanges_LocalDateTime_IsReadBackAsSameInstantInUtc()
    {
        var local = new DateTime(2026, 3, 14, 9, 30, 15, DateTimeKind.Local);

        var id = await AddAuditEntryAsync(local);

        var read = await ReadOccurredUtcAsync(id);
        Assert.Equal(DateTimeKind.Utc, read.Kind);
        Assert.Equal(local.ToUniversalTime(), read);
        Assert.Equal(local.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), await ReadStoredTextAsync(id));
    }

    [Fact]
    public async Task SaveChanges_UnspecifiedDateTime_IsTakenAsUtc()
    {
        var unspecified = new DateTime(2026, 3, 14, 9, 30, 15, DateTimeKind.Unspecified);

        var id = await AddAuditEntryAsync(unspecified);

        var read = await ReadOccurredUtcAsync(id);
        Assert.Equal(DateTimeKind.Utc, read.Kind);
        Assert.Equal(unspecified.Ticks, read.Ticks);
        Assert.Equal("2026-03-14 09:30:15", await ReadStoredTextAsync(id));
    }

    [Fact]
    public async Task SaveChanges_UtcDateTime_IsUnchanged()
    {
        var utc = new DateTime(2026, 3, 14, 9, 30, 15, 123, DateTimeKind.Utc);

        var id = await AddAuditEntryAsync(utc);

        var read = await ReadOccurredUtcAsync(id);
        Assert.Equal(DateTimeKind.Utc, read.Kind);
        Assert.Equal(utc, read);
    }

    [Fact]
    public async Task SaveChanges_NullableLocalDateTime_IsReadBackAsSameInstantInUtc()
    {
        var local = new DateTime(2026, 5, 1, 20, 0, 0, DateTimeKind.Local);
        var supplierId = await fixture.AddSupplierAsync("時區測試供應商");
        await using (var db = fixture.Create())
        {
            db.Products.Add(new Product
            {
                Sku = "UTC-0001",
                Name = "時區測試商品",
                SupplierId = supplierId,
                Category = SupplierCategory.Food,
                Price = 199m,
                ListingStatus = ListingStatus.Delisted,
                DelistedUtc = local,
            });
            await db.SaveChangesAsync();
        }

        await using var check = fixture.Create();
        var read = (await check.Products.AsNoTracking().SingleAsync(p => p.Sku == "UTC-0001")).DelistedUtc;
        Assert.NotNull(read);
        Assert.Equal(DateTimeKind.Utc, read.Value.Kind);
        Assert.Equal(local.ToUniversalTime(), read.Value);
    }

    [Fact]
    public async Task SaveChanges_NewSupplier_StampsCreatedAndUpdatedInUtc()
    {
        var before = DateTime.UtcNow;

        var id = await fixture.AddSupplierAsync("時間戳記供應商");

        await using var db = fixture.Create();
        var saved = await db.Suppliers.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal(DateTimeKind.Utc, saved.CreatedUtc.Kind);
        Assert.InRange(saved.CreatedUtc, before.AddSeconds(-1), DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(saved.CreatedUtc, saved.UpdatedUtc);
    }

    private async Task<long> AddAuditEntryAsync(DateTime occurred)
    {
        await using var db = fixture.Create();
        var entry = new AuditEntry { OccurredUtc = occurred, UserName = "tester", Action = AuditAction.Export, EntityType = "UtcTest" };
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    }

    private async Task<DateTime> ReadOccurredUtcAsync(long id)
    {
        await using var db = fixture.Create();
        return (await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == id)).OccurredUtc;
    }

    private async Task<string> ReadStoredTextAsync(long id)
    {
        await using var db = fixture.Create();
        return await db.Database
            .SqlQuery<string>($"SELECT OccurredUtc AS Value FROM AuditEntries WHERE Id = {id}")
            .SingleAsync();
    }
}
