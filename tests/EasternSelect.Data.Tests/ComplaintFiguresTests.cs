using EasternSelect.Data.Queries;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Operations;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Data.Tests;

/// <summary>The shared complaint figures cut years, months and days in Taiwan time, in SQL (a migrated SQLite file, no demo data).</summary>
public sealed class ComplaintFiguresTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>, IAsyncLifetime
{
    // 2020-12-31 23:30 and 2021-01-01 00:30 in Taipei: both still 2020-12-31 in UTC.
    private static readonly DateTime LastEveningOf2020 = new(2020, 12, 31, 15, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime FirstNightOf2021 = new(2020, 12, 31, 16, 30, 0, DateTimeKind.Utc);

    public async Task InitializeAsync()
    {
        await using var db = fixture.Create();
        if (db.Complaints.Any())
        {
            return;
        }

        var category = new ComplaintCategory { Code = "T-NY", NameZh = "跨年", NameEn = "New year", SortOrder = 1 };
        db.ComplaintCategories.Add(category);
        await db.SaveChangesAsync();
        db.Complaints.AddRange(Complaint("T-1", LastEveningOf2020, category.Id, closedWithinTarget: true), Complaint("T-2", FirstNightOf2021, category.Id, closedWithinTarget: false));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task YearsAsync_ComplaintsAroundTaipeiNewYear_CountInTheirTaipeiYear()
    {
        await using var db = fixture.Create();

        var years = await ComplaintFigures.YearsAsync(db, 2020, 2021, CancellationToken.None);

        Assert.Equal([(2020, 1, 1), (2021, 1, 0)], years.Select(y => (y.Year, y.Complaints, y.ClosedWithinTarget)).ToList());
    }

    [Fact]
    public async Task MonthsAsync_ComplaintsAroundTaipeiNewYear_CountInTheirTaipeiMonth()
    {
        await using var db = fixture.Create();

        var months = await ComplaintFigures.MonthsAsync(db, [new DateOnly(2020, 12, 1), new DateOnly(2021, 1, 1)], CancellationToken.None);

        Assert.Equal([new ComplaintMonthSums(new DateOnly(2020, 12, 1), 1, 1, 1), new ComplaintMonthSums(new DateOnly(2021, 1, 1), 1, 1, 0)], months);
    }

    [Fact]
    public async Task PeriodAndTopics_TaipeiDays_IncludeTheComplaintOpenedThatTaipeiDay()
    {
        await using var db = fixture.Create();

        var newYearsEve = await ComplaintFigures.PeriodAsync(db, new DateOnly(2020, 12, 31), new DateOnly(2020, 12, 31), CancellationToken.None);
        var newYearsDay = await ComplaintFigures.PeriodAsync(db, new DateOnly(2021, 1, 1), new DateOnly(2021, 1, 1), CancellationToken.None);
        var topics = await ComplaintFigures.TopicsAsync(db, new DateOnly(2020, 12, 1), new DateOnly(2021, 1, 31), CancellationToken.None);

        Assert.Equal(1, newYearsEve.Complaints);
        Assert.Equal(1, newYearsDay.Complaints);
        Assert.Equal([(2020, "T-NY", 1), (2021, "T-NY", 1)], topics.Select(t => (t.Year, t.Code, t.Count)).ToList());
    }

    [Fact]
    public async Task YearsAsync_TopicExcludedFromStatistics_NotInTheComplaintRateButCountedApart()
    {
        await using (var db = fixture.Create())
        {
            var counted = new ComplaintCategory { Code = "T-2019-Q", NameZh = "品質", NameEn = "Quality", SortOrder = 1 };
            var apart = new ComplaintCategory { Code = "T-2019-V", NameZh = "客服忙線語音留電", NameEn = "Voicemail", SortOrder = 2, ExcludedFromStatistics = true };
            db.ComplaintCategories.AddRange(counted, apart);
            await db.SaveChangesAsync();
            var opened = new DateTime(2019, 6, 3, 2, 0, 0, DateTimeKind.Utc);
            db.Complaints.AddRange(
                Complaint("X-1", opened, counted.Id, closedWithinTarget: true),
                Complaint("X-2", opened, apart.Id, closedWithinTarget: true),
                Complaint("X-3", opened, apart.Id, closedWithinTarget: false));
            var supplier = new Supplier
            {
                Name = "排除主題測試供應商", TaxId = TaxId.WithCheckDigit("7319024"), Category = SupplierCategory.Food,
                ContactName = "測試", ContactPhone = "0912345678", ContactEmail = "t@example.com",
            };
            db.Suppliers.Add(supplier);
            await db.SaveChangesAsync();
            var product = new Product { Sku = "T-2019-EXCL", Name = "排除主題測試商品", SupplierId = supplier.Id, Category = SupplierCategory.Food, Price = 100m };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            db.ProductMonthlyOperatingData.Add(new ProductMonthlyOperatingData { ProductId = product.Id, Month = new DateOnly(2019, 6, 1), UnitsShipped = 1000 });
            await db.SaveChangesAsync();
        }

        await using var check = fixture.Create();
        var year = (await ComplaintFigures.YearsAsync(check, 2019, 2019, CancellationToken.None)).Single();
        var topics = await ComplaintFigures.TopicsAsync(check, 2019, 2019, CancellationToken.None);

        // One counted complaint in 1,000 orders: 0.1%; the two voicemail cases are a line of their own.
        Assert.Equal(1, year.Complaints);
        Assert.Equal(0.001, year.ComplaintRate);
        Assert.Equal(1, year.Closed);
        Assert.Equal(2, year.ExcludedComplaints);
        Assert.True(topics.Single(t => t.Code == "T-2019-V").Excluded);
        Assert.Equal(2, topics.Single(t => t.Code == "T-2019-V").Count);
    }

    private static Complaint Complaint(string number, DateTime openedUtc, int categoryId, bool closedWithinTarget)
    {
        var complaint = new Complaint { Channel = ComplaintChannel.Phone, CustomerName = "王小明", CustomerPhone = "0912345678", CategoryId = categoryId, Description = "跨年" };
        complaint.Open(number, openedUtc, openedUtc.AddDays(7), null, new CaseActor(null, "test"));
        // Closed through the workflow a day (within the 7-day target) or ten days (late) after opening.
        var by = new CaseActor(null, "test");
        var closed = openedUtc.AddDays(closedWithinTarget ? 1 : 10);
        complaint.Assign(by, by, openedUtc);
        complaint.MoveTo(CaseStatus.Investigating, by, openedUtc);
        complaint.SetRootCause(RootCause.Delivery, null, null, by, closed);
        complaint.MoveTo(CaseStatus.Resolved, by, closed);
        complaint.MoveTo(CaseStatus.Closed, by, closed);
        return complaint;
    }
}
