using EasternSelect.Data.Seed;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Tests;

public sealed class ChecklistSeederTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    [Fact]
    public async Task SeedAsync_EmptyDatabase_CreatesVersionOneWithSeventyItemsPerCategoryAndOneSeedAuditEntry()
    {
        await using (var db = fixture.Create())
        {
            Assert.False(await ChecklistSeeder.HasTemplatesAsync(db, CancellationToken.None));
            await ChecklistSeeder.SeedAsync(db, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), CancellationToken.None);
        }

        await using var check = fixture.Create();
        var templates = await check.ChecklistTemplates.AsNoTracking().Include(t => t.Items).ToListAsync();
        Assert.Equal(Enum.GetValues<SupplierCategory>().Order(), templates.Select(t => t.Category).Order());
        Assert.All(templates, t =>
        {
            Assert.Equal(1, t.Number);
            Assert.Equal(70, t.Items.Count);
            Assert.Empty(t.Validate());
            Assert.Equal(Enumerable.Range(1, 70), t.Items.OrderBy(i => i.Order).Select(i => i.Order));
        });
        Assert.Contains(templates.Single(t => t.Category == SupplierCategory.Food).Items,
            i => i.Code.StartsWith("FD-", StringComparison.Ordinal) && i.RegulationReference!.StartsWith("食品安全衛生管理法", StringComparison.Ordinal) && i.DefectClass == DefectClass.Critical);
        var audit = Assert.Single(await check.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(ChecklistTemplate)).ToListAsync());
        Assert.Equal(AuditAction.Seed, audit.Action);
        Assert.True(await ChecklistSeeder.HasTemplatesAsync(check, CancellationToken.None));
    }
}
