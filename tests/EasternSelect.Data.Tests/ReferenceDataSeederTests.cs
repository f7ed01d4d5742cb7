using System.Text.Json;
using EasternSelect.Data.Seed;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Data.Tests;

public sealed class ReferenceDataSeederTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(ReferenceData.ChecklistsFile)]
    [InlineData(ReferenceData.ComplaintTopicsFile)]
    [InlineData(ReferenceData.RecognisedLabsFile)]
    [InlineData(ReferenceData.TaiwanCalendarFile)]
    public void ReadText_EmbeddedFile_IsAJsonObject(string fileName)
    {
        using var document = JsonDocument.Parse(ReferenceData.ReadText(fileName));

        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
    }

    [Fact]
    public void Baseline_EveryCategory_HasSeventyValidItemsFiftyShared()
    {
        foreach (var category in Enum.GetValues<SupplierCategory>())
        {
            var items = ReferenceData.Baseline(category);

            Assert.Equal(70, items.Count);
            Assert.Equal(50, items.Count(i => i.Code.StartsWith("QC-", StringComparison.Ordinal)));
            Assert.Equal(70, items.Select(i => i.Code).Distinct().Count());
            Assert.Empty(ChecklistTemplate.Create(category, items, ReferenceData.BaselineEffectiveFrom, "t").Validate());
        }

        Assert.Equal(new DateOnly(2020, 1, 1), ReferenceData.BaselineEffectiveFrom);
        var firstFood = ReferenceData.Baseline(SupplierCategory.Food).Single(i => i.Code == "FD-01");
        Assert.Equal("食品業者登錄字號", firstFood.Title);
        Assert.Equal(DefectClass.Critical, firstFood.DefectClass);
        Assert.Equal("食品安全衛生管理法 第8條", firstFood.RegulationReference);
        Assert.Null(ReferenceData.Baseline(SupplierCategory.Food).Single(i => i.Code == "QC-11").RegulationReference);
    }

    [Fact]
    public void ComplaintTopicsAndLabs_Files_HoldElevenTopicsTwoExcludedAndTenLabs()
    {
        Assert.Equal(["quality", "delivery", "return", "description", "service", "order", "promotion", "invoice", "other", "online-risk-order", "busy-line-voicemail"],
            ReferenceData.ComplaintTopics.Select(t => t.Code));
        // The CSR report: 數據排除：客服 - 網路風險訂單、客服忙線語音留電等非屬客戶反映項目.
        Assert.Equal(["客服-網路風險訂單", "客服忙線語音留電"], ReferenceData.ComplaintTopics.Where(t => t.ExcludedFromStatistics).Select(t => t.NameZh));
        Assert.Equal(("商品品質瑕疵", "Product quality defect"), (ReferenceData.ComplaintTopics[0].NameZh, ReferenceData.ComplaintTopics[0].NameEn));
        Assert.Equal(10, ReferenceData.RecognisedLabs.Count);
        Assert.Equal("財團法人食品工業發展研究所", ReferenceData.RecognisedLabs[1].Name);
        Assert.Equal("TFDA 認證編號 FDA0006", ReferenceData.RecognisedLabs[1].RecognitionNumber);
    }

    [Fact]
    public void TaiwanCalendar_File_HoldsOfficialDaysOffAndMakeUpSaturdays()
    {
        var calendar = ReferenceData.TaiwanCalendar;

        Assert.Equal(2018, calendar.FirstYear);
        Assert.Contains(new DateOnly(2018, 2, 15), calendar.DaysOff);   // 農曆除夕
        Assert.Contains(new DateOnly(2018, 12, 31), calendar.DaysOff);  // 調整放假
        Assert.Contains(new DateOnly(2018, 3, 31), calendar.MakeUpWorkdays);
        Assert.Contains(new DateOnly(2021, 9, 20), calendar.DaysOff);
        Assert.Contains(new DateOnly(2021, 2, 20), calendar.MakeUpWorkdays);
        Assert.Contains(new DateOnly(2025, 12, 25), calendar.DaysOff);  // 行憲紀念日, a holiday again from 2025
        Assert.All(calendar.DaysOff, d => Assert.True(d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday, d.ToString("O", null)));
        Assert.All(calendar.MakeUpWorkdays, d => Assert.True(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, d.ToString("O", null)));
    }

    [Fact]
    public async Task SeedAsync_RunTwice_AddsEverythingOnceAndOneAuditEntry()
    {
        await using (var db = fixture.Create())
        {
            var first = await ReferenceDataSeeder.SeedAsync(db, Clock, CancellationToken.None);
            Assert.Equal(new ReferenceSeedResult(6, 11, 10, KpiTargets: 1, CalendarDays: 70), first);
        }

        await using (var db = fixture.Create())
        {
            var second = await ReferenceDataSeeder.SeedAsync(db, Clock, CancellationToken.None);
            Assert.Equal(new ReferenceSeedResult(0, 0, 0), second);
        }

        await using var check = fixture.Create();
        var templates = await check.ChecklistTemplates.AsNoTracking().Include(t => t.Items).ToListAsync();
        Assert.Equal(6, templates.Count);
        Assert.Equal(Enum.GetValues<SupplierCategory>().Order(), templates.Select(t => t.Category).Order());
        Assert.All(templates, t =>
        {
            Assert.Equal(1, t.Number);
            Assert.Equal(70, t.Items.Count);
            Assert.Equal(Enumerable.Range(1, 70), t.Items.OrderBy(i => i.Order).Select(i => i.Order));
        });
        Assert.Equal(11, await check.ComplaintCategories.CountAsync());
        Assert.Equal([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110], await check.ComplaintCategories.OrderBy(c => c.SortOrder).Select(c => c.SortOrder).ToListAsync());
        Assert.Equal(10, await check.RecognisedLabs.CountAsync());
        Assert.Equal(70, await check.CalendarDays.CountAsync());
        var audit = Assert.Single(await check.AuditEntries.AsNoTracking().ToListAsync());
        Assert.Equal(AuditAction.Seed, audit.Action);
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), audit.OccurredUtc);
    }

    [Fact]
    public async Task SeedAsync_SomeRowsMissingOrEdited_AddsOnlyTheMissingAndKeepsTheEdits()
    {
        var separate = new SqliteDatabaseFixture();
        await separate.InitializeAsync();
        try
        {
            await using (var db = separate.Create())
            {
                db.ComplaintCategories.Add(new() { Code = "quality", NameZh = "品質（自訂）", NameEn = "Quality (own)", SortOrder = 5 });
                db.RecognisedLabs.Add(new() { Name = "財團法人台灣電子檢驗中心", RecognitionNumber = "TAF 0010", Scope = "電器安全", Active = false });
                db.ChecklistTemplates.Add(ChecklistTemplate.Create(SupplierCategory.Food, ReferenceData.Baseline(SupplierCategory.Food), new DateOnly(2021, 1, 1), "qa"));
                await db.SaveChangesAsync();
            }

            await using (var db = separate.Create())
            {
                Assert.Equal(new ReferenceSeedResult(5, 10, 9, KpiTargets: 1, CalendarDays: 70), await ReferenceDataSeeder.SeedAsync(db, Clock, CancellationToken.None));
            }

            await using var check = separate.Create();
            Assert.Equal(6, await check.ChecklistTemplates.CountAsync());
            Assert.Equal(new DateOnly(2021, 1, 1), await check.ChecklistTemplates.Where(t => t.Category == SupplierCategory.Food).Select(t => t.EffectiveFrom).SingleAsync());
            Assert.Equal("品質（自訂）", await check.ComplaintCategories.Where(c => c.Code == "quality").Select(c => c.NameZh).SingleAsync());
            Assert.Equal(11, await check.ComplaintCategories.CountAsync());
            Assert.False(await check.RecognisedLabs.Where(l => l.Name == "財團法人台灣電子檢驗中心").Select(l => l.Active).SingleAsync());
            Assert.Equal(10, await check.RecognisedLabs.CountAsync());
        }
        finally
        {
            await separate.DisposeAsync();
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
