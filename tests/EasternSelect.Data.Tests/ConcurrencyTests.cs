using System.Globalization;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Tests;

public sealed class ConcurrencyTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    [Fact]
    public async Task SaveChanges_TwoContextsChangeSameSupplier_SecondThrowsAndFirstChangeIsKept()
    {
        var id = await fixture.AddSupplierAsync("併發測試甲");
        await using var first = fixture.Create();
        await using var second = fixture.Create();
        var mine = await first.Suppliers.SingleAsync(s => s.Id == id);
        var theirs = await second.Suppliers.SingleAsync(s => s.Id == id);
        mine.Name = "第一個人的修改";
        theirs.Name = "第二個人的修改";

        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = fixture.Create();
        var key = id.ToString(CultureInfo.InvariantCulture);
        var saved = await check.Suppliers.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal("第一個人的修改", saved.Name);
        Assert.Equal(mine.Version, saved.Version);
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.EntityKey == key && a.Action == AuditAction.Update));
    }

    [Fact]
    public async Task SaveChanges_DifferentFieldsChangedConcurrently_StillConflicts()
    {
        var id = await fixture.AddSupplierAsync("併發測試乙");
        await using var first = fixture.Create();
        await using var second = fixture.Create();
        (await first.Suppliers.SingleAsync(s => s.Id == id)).ContactPhone = "0922111222";
        (await second.Suppliers.SingleAsync(s => s.Id == id)).WarrantyMonths = 24;

        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = fixture.Create();
        var saved = await check.Suppliers.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal("0922111222", saved.ContactPhone);
        Assert.Equal(Supplier.MinimumWarrantyMonths, saved.WarrantyMonths);
    }

    [Fact]
    public async Task SaveChanges_RetryOnSameContextAfterRefreshingOriginalValues_IsCommittedWithAudit()
    {
        var id = await fixture.AddSupplierAsync("併發測試丙");
        await using var first = fixture.Create();
        await using var second = fixture.Create();
        (await first.Suppliers.SingleAsync(s => s.Id == id)).ContactPhone = "0933111222";
        var theirs = await second.Suppliers.SingleAsync(s => s.Id == id);
        theirs.Name = "重新整理後再存";
        await first.SaveChangesAsync();
        var conflict = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        // "Keep my edit and save again": the retry must really commit, not vanish into a leftover transaction.
        var entry = Assert.Single(conflict.Entries);
        entry.OriginalValues.SetValues((await entry.GetDatabaseValuesAsync())!);
        await second.SaveChangesAsync();

        await using var check = fixture.Create();
        var key = id.ToString(CultureInfo.InvariantCulture);
        var saved = await check.Suppliers.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal("重新整理後再存", saved.Name);
        // Client wins: every property that differs from the database is written, the stale phone included.
        Assert.Equal("0912345678", saved.ContactPhone);
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.EntityKey == key && a.Action == AuditAction.Update));
    }

    [Fact]
    public async Task SaveChanges_DetachedFormWithStaleVersion_Throws()
    {
        var id = await fixture.AddSupplierAsync("併發測試丁");
        var form = await LoadDetachedAsync(id);
        var staleVersion = form.Version;
        await using (var other = fixture.Create())
        {
            (await other.Suppliers.SingleAsync(s => s.Id == id)).ContactPhone = "0944111222";
            await other.SaveChangesAsync();
        }

        form.Name = "表單送出";
        await using var db = fixture.Create();
        db.Suppliers.Attach(form);
        db.Entry(form).Property(s => s.Version).OriginalValue = staleVersion;
        db.Entry(form).Property(s => s.Name).IsModified = true;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        await using var check = fixture.Create();
        Assert.Equal("併發測試丁", (await check.Suppliers.AsNoTracking().SingleAsync(s => s.Id == id)).Name);
    }

    [Fact]
    public async Task SaveChanges_DetachedFormWithCurrentVersion_SavesAndChangesVersion()
    {
        var id = await fixture.AddSupplierAsync("併發測試戊");
        var form = await LoadDetachedAsync(id);
        var loadedVersion = form.Version;

        form.Name = "表單送出成功";
        await using var db = fixture.Create();
        db.Suppliers.Attach(form);
        db.Entry(form).Property(s => s.Version).OriginalValue = loadedVersion;
        db.Entry(form).Property(s => s.Name).IsModified = true;
        await db.SaveChangesAsync();

        await using var check = fixture.Create();
        var saved = await check.Suppliers.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal("表單送出成功", saved.Name);
        Assert.NotEqual(loadedVersion, saved.Version);
    }

    private async Task<Supplier> LoadDetachedAsync(int id)
    {
        await using var db = fixture.Create();
        var supplier = await db.Suppliers.SingleAsync(s => s.Id == id);
        db.Entry(supplier).State = EntityState.Detached;
        return supplier;
    }
}
