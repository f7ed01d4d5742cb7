using System.Globalization;
using System.Text.Json;
using EasternSelect.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Tests;

public sealed class AuditTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    private static readonly string[] RawPersonalData = ["王小明", "0912345678", "john@example.com", "john"];

    [Fact]
    public async Task SaveChanges_NewSupplier_WritesCreateEntryWithKeyActorAndMaskedContact()
    {
        var id = await fixture.AddSupplierAsync("稽核新增");

        var audit = await SingleAuditAsync(id, AuditAction.Create);
        Assert.Equal("Supplier", audit.EntityType);
        Assert.Equal("u1", audit.UserId);
        Assert.Equal("tester@demo.local", audit.UserName);
        Assert.Equal(DateTimeKind.Utc, audit.OccurredUtc.Kind);
        using var changes = JsonDocument.Parse(audit.Changes!);
        var root = changes.RootElement;
        Assert.Equal("稽核新增", root.GetProperty("Name").GetString());
        Assert.Equal("王*明", root.GetProperty("ContactName").GetString());
        Assert.Equal("0912-***-678", root.GetProperty("ContactPhone").GetString());
        Assert.Equal("j***@example.com", root.GetProperty("ContactEmail").GetString());
        Assert.False(root.TryGetProperty("Version", out _), "The concurrency token is not audit data.");
        AssertNoRawPersonalData(changes);
    }

    [Fact]
    public async Task SaveChanges_NewSupplier_ChangesDoNotHoldTheTemporaryKey()
    {
        var id = await fixture.AddSupplierAsync("稽核新增鍵值");

        var audit = await SingleAuditAsync(id, AuditAction.Create);
        using var changes = JsonDocument.Parse(audit.Changes!);
        // EntityKey carries the generated key; a negative placeholder in Changes would contradict it.
        if (changes.RootElement.TryGetProperty("Id", out var idInChanges))
        {
            Assert.Equal(id, idInChanges.GetInt32());
        }
    }

    [Fact]
    public async Task SaveChanges_ChangedFields_WritesOldAndNewForThoseFieldsOnly()
    {
        var id = await fixture.AddSupplierAsync("稽核修改前");
        await using (var db = fixture.Create())
        {
            var supplier = await db.Suppliers.SingleAsync(s => s.Id == id);
            supplier.Name = "稽核修改後";
            supplier.ContactPhone = "0987654321";
            await db.SaveChangesAsync();
        }

        var audit = await SingleAuditAsync(id, AuditAction.Update);
        using var changes = JsonDocument.Parse(audit.Changes!);
        var root = changes.RootElement;
        Assert.Equal("稽核修改前", root.GetProperty("Name").GetProperty("old").GetString());
        Assert.Equal("稽核修改後", root.GetProperty("Name").GetProperty("new").GetString());
        Assert.Equal("0912-***-678", root.GetProperty("ContactPhone").GetProperty("old").GetString());
        Assert.Equal("0987-***-321", root.GetProperty("ContactPhone").GetProperty("new").GetString());
        var fields = root.EnumerateObject().Select(p => p.Name).ToHashSet();
        // UpdatedUtc is stamped by the save itself; everything else that was not edited stays out.
        Assert.Subset(new HashSet<string> { "Name", "ContactPhone", "UpdatedUtc" }, fields);
        AssertNoRawPersonalData(changes, "0987654321");
    }

    [Fact]
    public async Task SaveChanges_DeletedSupplier_WritesDeleteEntryWithMaskedOldValues()
    {
        var id = await fixture.AddSupplierAsync("稽核刪除");
        await using (var db = fixture.Create())
        {
            db.Suppliers.Remove(await db.Suppliers.SingleAsync(s => s.Id == id));
            await db.SaveChangesAsync();
        }

        var audit = await SingleAuditAsync(id, AuditAction.Delete);
        Assert.Equal("tester@demo.local", audit.UserName);
        using var changes = JsonDocument.Parse(audit.Changes!);
        Assert.Equal("稽核刪除", changes.RootElement.GetProperty("Name").GetString());
        Assert.Equal("王*明", changes.RootElement.GetProperty("ContactName").GetString());
        AssertNoRawPersonalData(changes);
        await using var check = fixture.Create();
        Assert.False(await check.Suppliers.AnyAsync(s => s.Id == id));
    }

    [Fact]
    public async Task SaveChanges_ModifiedAuditEntry_ThrowsAndLeavesItUnchanged()
    {
        var id = await fixture.AddSupplierAsync("稽核不可改");
        var auditId = (await SingleAuditAsync(id, AuditAction.Create)).Id;
        await using (var db = fixture.Create())
        {
            var audit = await db.AuditEntries.SingleAsync(a => a.Id == auditId);
            audit.UserName = "someone-else";

            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using var check = fixture.Create();
        Assert.Equal("tester@demo.local", (await check.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == auditId)).UserName);
    }

    [Fact]
    public async Task SaveChanges_DeletedAuditEntry_ThrowsAndKeepsIt()
    {
        var id = await fixture.AddSupplierAsync("稽核不可刪");
        var auditId = (await SingleAuditAsync(id, AuditAction.Create)).Id;
        await using (var db = fixture.Create())
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(a => a.Id == auditId));

            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using var check = fixture.Create();
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Id == auditId));
    }

    [Fact]
    public async Task SaveChanges_DuplicateTaxId_SavesNeitherEntityNorAudit()
    {
        var existingId = await fixture.AddSupplierAsync("稽核統編重複甲");
        await using var db = fixture.Create();
        var existingTaxId = await db.Suppliers.Where(s => s.Id == existingId).Select(s => s.TaxId).SingleAsync();
        var auditCountBefore = await db.AuditEntries.CountAsync();
        var duplicate = fixture.NewSupplier("稽核統編重複乙");
        duplicate.TaxId = existingTaxId;
        db.Suppliers.Add(duplicate);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        await using var check = fixture.Create();
        Assert.False(await check.Suppliers.AnyAsync(s => s.Name == "稽核統編重複乙"));
        Assert.Equal(auditCountBefore, await check.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task SaveChanges_AfterFailedSaveOnSameContext_CommitsEntityAndAudit()
    {
        var existingId = await fixture.AddSupplierAsync("稽核重試甲");
        await using var db = fixture.Create();
        var existingTaxId = await db.Suppliers.Where(s => s.Id == existingId).Select(s => s.TaxId).SingleAsync();
        var supplier = fixture.NewSupplier("稽核重試乙");
        supplier.TaxId = existingTaxId;
        db.Suppliers.Add(supplier);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        supplier.TaxId = fixture.NextTaxId();
        await db.SaveChangesAsync();

        await using var check = fixture.Create();
        Assert.True(await check.Suppliers.AnyAsync(s => s.Id == supplier.Id && s.Name == "稽核重試乙"));
        Assert.Equal(supplier.Id.ToString(CultureInfo.InvariantCulture), (await SingleAuditAsync(supplier.Id, AuditAction.Create)).EntityKey);
    }

    private async Task<AuditEntry> SingleAuditAsync(int supplierId, AuditAction action)
    {
        var key = supplierId.ToString(CultureInfo.InvariantCulture);
        await using var db = fixture.Create();
        return await db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityType == "Supplier" && a.EntityKey == key && a.Action == action);
    }

    /// <summary>Checks the decoded strings: the JSON escapes non-ASCII, so a search of the raw text would miss 王小明.</summary>
    private static void AssertNoRawPersonalData(JsonDocument changes, params string[] more)
    {
        var strings = new List<string>();
        Collect(changes.RootElement, strings);
        foreach (var raw in RawPersonalData.Concat(more))
        {
            Assert.DoesNotContain(strings, s => s.Contains(raw, StringComparison.Ordinal));
        }

        static void Collect(JsonElement element, List<string> into)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Collect(property.Value, into);
                    }

                    break;
                case JsonValueKind.String:
                    into.Add(element.GetString()!);
                    break;
                default:
                    break;
            }
        }
    }
}
