using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Data.Queries;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Operations;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Casework.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests;

/// <summary>The complaint KPI page's figures over complaints the test opens in 2012, a year the demo never seeds.</summary>
public sealed class ComplaintKpiServiceTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private readonly IServiceProvider _services = fixture.Factory.Services;

    [Fact]
    public async Task YearsAndTopics_OwnComplaintsOf2012_AreTheHandCountedFigures()
    {
        await using (var db = _services.GetRequiredService<PortalDatabase>().Create(AuditActor.System))
        {
            var delivery = new ComplaintCategory { Code = "T-KPI-DLV", NameZh = "測試配送", NameEn = "Test delivery", SortOrder = 90 };
            var billing = new ComplaintCategory { Code = "T-KPI-BIL", NameZh = "測試帳務", NameEn = "Test billing", SortOrder = 91 };
            db.ComplaintCategories.AddRange(delivery, billing);
            await db.SaveChangesAsync();
            db.Complaints.AddRange(
                Complaint("T-KPI-1", ComplaintChannel.Web, delivery.Id, new DateTime(2012, 3, 1, 2, 0, 0, DateTimeKind.Utc), closedAfterHours: 24),
                Complaint("T-KPI-2", ComplaintChannel.Phone, delivery.Id, new DateTime(2012, 5, 1, 2, 0, 0, DateTimeKind.Utc), closedAfterHours: 240),
                Complaint("T-KPI-3", ComplaintChannel.Email, billing.Id, new DateTime(2012, 6, 1, 2, 0, 0, DateTimeKind.Utc), closedAfterHours: 48),
                Complaint("T-KPI-4", ComplaintChannel.Phone, delivery.Id, new DateTime(2012, 8, 1, 2, 0, 0, DateTimeKind.Utc), closedAfterHours: null),
                // 2012-12-31 17:00 UTC is 2013-01-01 01:00 in Taipei: a 2013 complaint.
                Complaint("T-KPI-5", ComplaintChannel.Phone, billing.Id, new DateTime(2012, 12, 31, 17, 0, 0, DateTimeKind.Utc), closedAfterHours: null));
            var productId = await db.Products.Select(p => p.Id).FirstAsync();
            db.ProductMonthlyOperatingData.AddRange(
                new ProductMonthlyOperatingData { ProductId = productId, Month = new DateOnly(2012, 1, 1), UnitsShipped = 1_000 },
                new ProductMonthlyOperatingData { ProductId = productId, Month = new DateOnly(2012, 2, 1), UnitsShipped = 3_000 });
            await db.SaveChangesAsync();
        }

        await using var scope = TestScopes.As(_services, Roles.Executive, out ComplaintKpiService kpis);
        IReadOnlyList<ComplaintYearKpi> years;
        IReadOnlyList<TopicCount> topics;
        using (new CultureScope("zh-TW"))
        {
            years = await kpis.YearsAsync(2012, 2013, CancellationToken.None);
            topics = await kpis.TopicsAsync(2012, 2012, CancellationToken.None);
        }

        Assert.Equal([2012, 2013], years.Select(y => y.Year));
        var year = years[0];
        Assert.Equal((4, 3, 2, 2), (year.Complaints, year.Closed, year.ClosedWithinTarget, year.OnlineClosed));
        Assert.Equal(2.0 / 3, year.ClosureRate!.Value, 6);
        // The two closed online cases took 24 and 48 hours.
        Assert.Equal(36.0, year.AverageOnlineHandlingHours);
        Assert.Equal(4_000, year.UnitsShipped);
        Assert.Equal(4.0 / 4_000, year.ComplaintRate!.Value, 9);
        Assert.Equal((1, 0, 0L), (years[1].Complaints, years[1].Closed, years[1].UnitsShipped));
        Assert.Equal([new TopicCount(2012, "測試配送", 3), new TopicCount(2012, "測試帳務", 1)], topics);
    }

    [Fact]
    public async Task Years_Merchandiser_IsRefused()
    {
        await using var scope = TestScopes.As(_services, Roles.Merchandiser, out ComplaintKpiService kpis);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => kpis.YearsAsync(2012, 2012, CancellationToken.None));
    }

    private static Complaint Complaint(string number, ComplaintChannel channel, int categoryId, DateTime openedUtc, int? closedAfterHours)
    {
        var complaint = new Complaint { Channel = channel, CustomerName = "王小明", CustomerPhone = "0912345678", CategoryId = categoryId, Description = "KPI 測試" };
        var by = new CaseActor(null, "test");
        complaint.Open(number, openedUtc, openedUtc.AddDays(7), null, by);
        if (closedAfterHours is { } hours)
        {
            // Within the 7-day target when closed before 168 hours.
            complaint.Assign(by, by, openedUtc);
            complaint.MoveTo(CaseStatus.Investigating, by, openedUtc);
            complaint.Close(RootCause.Delivery, null, by, openedUtc.AddHours(hours));
        }

        return complaint;
    }
}
