using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Casework.Complaints;
using EasternSelect.Portal.Features.Dashboard;
using EasternSelect.Portal.Features.Reports;
using EasternSelect.Portal.Features.Reports.Esg;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Tests;

/// <summary>
/// One clock for every figure: a complaint belongs to the Taiwan year and month it was opened in. The two complaints
/// here are opened 2020-12-31 23:30 and 2021-01-01 00:30 in Taipei, both on 2020-12-31 in UTC; the KPI page, the
/// executive dashboard, the complaints report and the ESG report must count the first in 2020 and the second in 2021.
/// The demo database holds other complaints, so each figure is read before and after the two are added.
/// </summary>
public sealed class TaiwanTimeFiguresTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private static readonly DateTime LastEveningOf2020 = new(2020, 12, 31, 15, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime FirstNightOf2021 = new(2020, 12, 31, 16, 30, 0, DateTimeKind.Utc);

    private readonly IServiceProvider _services = fixture.Factory.Services;

    [Fact]
    public async Task Figures_ComplaintsAroundTaipeiNewYear_CountInTheirTaipeiYearAndMonthOnEveryPage()
    {
        // "Today" is mid-January 2021 in Taipei, so the dashboard window ends with January 2021 and holds December 2020.
        var clock = new FixedClock(new DateTime(2021, 1, 15, 2, 0, 0, DateTimeKind.Utc));
        var before = await ReadAsync(clock);

        await AddComplaintsAsync();
        var after = await ReadAsync(clock);

        Assert.Equal(before.Kpi2020 + 1, after.Kpi2020);
        Assert.Equal(before.Kpi2021 + 1, after.Kpi2021);
        Assert.Equal(before.DashboardDecember + 1, after.DashboardDecember);
        Assert.Equal(before.DashboardJanuary + 1, after.DashboardJanuary);
        Assert.Equal(before.ReportDecember + 1, after.ReportDecember);
        Assert.Equal(before.ReportJanuary + 1, after.ReportJanuary);
        Assert.Equal(before.Esg2020 + 1, after.Esg2020);
        Assert.Equal(before.Esg2021 + 1, after.Esg2021);
    }

    [Fact]
    public async Task DashboardWindow_UtcStillOnNewYearsEveButTaipeiInJanuary_EndsWithJanuary()
    {
        var clock = new FixedClock(FirstNightOf2021);
        await using var scope = TestScopes.As(_services, Roles.Executive);
        var dashboard = ActivatorUtilities.CreateInstance<DashboardService>(scope.ServiceProvider, clock);

        var window = dashboard.Window();

        Assert.Equal(new DateOnly(2021, 1, 1), window.Today);
        Assert.Equal(new DateOnly(2021, 1, 1), window.ToMonth);
        Assert.Equal(new DateOnly(2020, 2, 1), window.FromMonth);
        Assert.Equal(new DateTime(2020, 1, 31, 16, 0, 0, DateTimeKind.Utc), window.Utc.FromUtc);
        Assert.Equal(new DateTime(2021, 1, 31, 16, 0, 0, DateTimeKind.Utc), window.Utc.ToUtc);
    }

    private async Task<Counts> ReadAsync(TimeProvider clock)
    {
        await using var scope = TestScopes.As(_services, Roles.Executive);
        var l = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();

        var kpis = await scope.ServiceProvider.GetRequiredService<ComplaintKpiService>().YearsAsync(2020, 2021, CancellationToken.None);
        int Kpi(int year) => kpis.FirstOrDefault(k => k.Year == year)?.Complaints ?? 0;

        var dashboard = ActivatorUtilities.CreateInstance<DashboardService>(scope.ServiceProvider, clock);
        var panel = await dashboard.ExecutiveAsync(CancellationToken.None);
        int Opened(DateOnly month) => panel.Closure.Single(c => c.Month == month).Opened;

        var reports = scope.ServiceProvider.GetRequiredService<CaseReports>();
        async Task<int> ReportAsync(DateOnly from, DateOnly to)
        {
            var document = await reports.ComplaintsAsync(from, to, CancellationToken.None);
            var table = Tables(document).Single(t => t.Title == l["Reports.Complaints.Indicators"].Value);
            return (int)table.Rows.Single()[1].Number!.Value;
        }

        var esg = scope.ServiceProvider.GetRequiredService<EsgReport>();
        async Task<int> EsgAsync(int year)
        {
            var document = await esg.BuildAsync(year, CancellationToken.None);
            var table = Tables(document).Single(t => t.Title == l["Reports.Esg.ComplaintIndicators"].Value);
            var row = table.Rows.Single(r => r[0].Text == year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return (int)row[1].Number!.Value;
        }

        return new Counts(
            Kpi(2020), Kpi(2021),
            Opened(new DateOnly(2020, 12, 1)), Opened(new DateOnly(2021, 1, 1)),
            await ReportAsync(new DateOnly(2020, 12, 1), new DateOnly(2020, 12, 31)), await ReportAsync(new DateOnly(2021, 1, 1), new DateOnly(2021, 1, 31)),
            await EsgAsync(2020), await EsgAsync(2021));
    }

    private async Task AddComplaintsAsync()
    {
        await using var db = _services.GetRequiredService<PortalDatabase>().Create(AuditActor.System);
        var categoryId = await db.ComplaintCategories.Where(c => !c.ExcludedFromStatistics).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        foreach (var (number, opened) in new[] { ("T-TPE-20201231", LastEveningOf2020), ("T-TPE-20210101", FirstNightOf2021) })
        {
            var complaint = new Complaint
            {
                Channel = ComplaintChannel.Phone, CustomerName = "王小明", CustomerPhone = "0912345678", CategoryId = categoryId, Description = "跨年測試",
            };
            complaint.Open(number, opened, opened.AddDays(7), null, new CaseActor(null, "test"));
            db.Complaints.Add(complaint);
        }

        await db.SaveChangesAsync();
    }

    private static IEnumerable<ReportTable> Tables(ReportDocument document) => document.Sections.SelectMany(s => s.Blocks).OfType<ReportTable>();

    private sealed record Counts(int Kpi2020, int Kpi2021, int DashboardDecember, int DashboardJanuary, int ReportDecember, int ReportJanuary, int Esg2020, int Esg2021);
}
