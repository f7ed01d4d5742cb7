using System.Globalization;
using System.Net;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Casework.Complaints;
using EasternSelect.Portal.Features.Inspections.Quality;
using EasternSelect.Portal.Features.Reports;
using EasternSelect.Portal.Features.Reports.Esg;
using EasternSelect.Portal.Features.Reports.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests.Reports;

/// <summary>Every linked figure of the ESG report opens the records it was computed from: the list's count is the figure.</summary>
public sealed class RecordSourceTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    /// <summary>Sources whose figures are not a count of the listed records (training: hours and person-times are sums).</summary>
    private static readonly string[] SumSources = [TrainingRecords.Name];

    private const string AccessDeniedTitle = "無權限存取此頁面";

    private readonly IServiceProvider _services = fixture.Factory.Services;

    [Fact]
    public async Task EsgFigures_2020_EveryLinkedCountEqualsItsRecordTotal()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-TW");
        await using var scope = TestScopes.As(_services, Roles.Executive);
        var document = await scope.ServiceProvider.GetRequiredService<EsgReport>().BuildAsync(2020, CancellationToken.None);
        var records = scope.ServiceProvider.GetRequiredService<RecordsService>();
        var linked = document.Tables.SelectMany(t => t.Rows.Concat(t.Totals is { } totals ? [totals] : []))
            .SelectMany(r => r).Where(c => c.Link is not null).ToList();

        Assert.True(linked.Count >= 40, $"only {linked.Count} linked figures");
        var checkedCounts = 0;
        foreach (var cell in linked.Where(c => c.Kind == CellKind.Number))
        {
            var (source, filter) = Parse(cell.Link!);
            var list = await records.ListAsync(records.Find(source) ?? throw new InvalidOperationException("no source " + source), filter, CancellationToken.None);
            if (SumSources.Contains(source))
            {
                Assert.True(list.Total > 0, cell.Link);
                continue;
            }

            Assert.True(cell.Number == list.Total, $"{cell.Link}: figure {cell.Number}, records {list.Total}");
            Assert.Equal(Math.Min(list.Total, RecordPage.DefaultSize), list.Table.Rows.Count);
            checkedCounts++;
        }

        Assert.True(checkedCounts >= 25, $"only {checkedCounts} counts checked");
    }

    [Fact]
    public async Task QualityPageFigures_2020ByMonthAndCategory_LotCountsEqualTheirRecordTotals()
    {
        await using var scope = TestScopes.As(_services, Roles.QaManager);
        var quality = scope.ServiceProvider.GetRequiredService<QualityFiguresService>();
        var records = scope.ServiceProvider.GetRequiredService<RecordsService>();
        var lots = records.Find(LotRecords.Name)!;
        var year = new LotScope(new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 1));
        var report = await quality.FiguresAsync(new QualityQuery(year.From, year.To, null, null), CancellationToken.None);
        var rows = report.ByMonth.Select(m => (m.Figures, Scope: year with { From = m.Month, To = m.Month }))
            .Concat(report.ByCategory.Select(c => (c.Figures, Scope: year with { Category = c.Category })))
            .Concat(report.WorstSuppliers.Take(3).Select(w => (w.Figures, Scope: year with { SupplierId = w.SupplierId })))
            .ToList();

        Assert.True(rows.Count >= 12);
        foreach (var (figures, lotScope) in rows)
        {
            Assert.Equal(figures.LotsReceived, (await records.ListAsync(lots, Parse(LotRecords.Link(lotScope)).Filter, CancellationToken.None)).Total);
            Assert.Equal(figures.LotsDecided, (await records.ListAsync(lots, Parse(LotRecords.Link(lotScope, decided: true)).Filter, CancellationToken.None)).Total);
            Assert.Equal(figures.LotsRejected, (await records.ListAsync(lots, Parse(LotRecords.Link(lotScope, decision: LotDecision.Rejected)).Filter, CancellationToken.None)).Total);
        }
    }

    [Fact]
    public async Task SupplierRecords_ShowContactsMasked()
    {
        await using var scope = TestScopes.As(_services, Roles.Executive);
        var records = scope.ServiceProvider.GetRequiredService<RecordsService>();

        var list = await records.ListAsync(records.Find(SupplierRecords.Name)!, Filter("status=Qualified"), CancellationToken.None);

        var contactColumn = list.Table.Columns.ToList().FindIndex(c => c.Header == "聯絡人姓名");
        Assert.True(contactColumn > 0);
        Assert.NotEmpty(list.Table.Rows);
        Assert.All(list.Table.Rows, r => Assert.Contains("*", r[contactColumn].Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("lots", "year=2020&from=2020-01&to=2020-12")]
    [InlineData("lots", "from=2020-01-01&to=2020-12-31")]
    [InlineData("lots", "from=2020-01&to=2020-12&filter=Rejected")]
    [InlineData("lots", "from=2015-01&to=2020-12")]
    [InlineData("complaints", "from=2020-01&to=2020-06-30")]
    [InlineData("complaints", "month=6")]
    [InlineData("complaints", "year=2020&page=0")]
    [InlineData("complaints", "year=2001&page=2")]
    [InlineData("lots", "from=2020-13&to=2020-12")]
    [InlineData("lots", "from=2020-06&to=2020-05")]
    [InlineData("lots", "from=2020-01&to=2020-12&category=Plutonium")]
    [InlineData("lots", "from=2020-01&to=2020-12&decided=maybe")]
    [InlineData("lots", "from=2020-01&to=2020-12&supplier=-3")]
    [InlineData("audits", "")]
    [InlineData("meetings", "year=2020&kind=party")]
    [InlineData("suppliers", "category=1")]
    public async Task ListAsync_WrongFilter_IsRefusedNotIgnored(string source, string query)
    {
        await using var scope = TestScopes.As(_services, Roles.Executive);
        var records = scope.ServiceProvider.GetRequiredService<RecordsService>();

        await Assert.ThrowsAsync<RecordFilterException>(() => records.ListAsync(records.Find(source)!, Filter(query), CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_RoleWithoutTheSourcesPolicy_IsRefused()
    {
        await using var scope = TestScopes.As(_services, Roles.CxAgent);
        var records = scope.ServiceProvider.GetRequiredService<RecordsService>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => records.ListAsync(records.Find(LotRecords.Name)!, Filter("year=2020"), CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_53ComplaintsOfTaiwanYear2011_PagesThroughAllOfThemMasked()
    {
        await SeedComplaints2011Async();
        await using var scope = TestScopes.As(_services, Roles.Executive);
        var records = scope.ServiceProvider.GetRequiredService<RecordsService>();
        var complaints = records.Find(ComplaintRecords.Name)!;

        var first = await records.ListAsync(complaints, Filter("year=2011"), CancellationToken.None);
        var second = await records.ListAsync(complaints, Filter("year=2011&page=2"), CancellationToken.None);

        Assert.Equal(53, first.Total);
        Assert.Equal(2, first.PageCount);
        Assert.Equal(50, first.Table.Rows.Count);
        Assert.Equal(3, second.Table.Rows.Count);
        var customer = first.Keys!.ToList().IndexOf("customer");
        Assert.All(first.Table.Rows.Concat(second.Table.Rows), r => Assert.Equal("陳*明", r[customer].Text));
        // The earliest of the year opened at 01:00 on 1 January in Taiwan (17:00 UTC the day before).
        Assert.Equal(new DateOnly(2011, 1, 1), second.Table.Rows[^1][first.Keys!.ToList().IndexOf("opened")].Date);
        await Assert.ThrowsAsync<RecordFilterException>(() => records.ListAsync(complaints, Filter("year=2011&page=3"), CancellationToken.None));
    }

    [Theory]
    [InlineData("year=2011&month=1", 1)]
    [InlineData("year=2011&month=3", 40)]
    [InlineData("from=2011-03&to=2011-04", 52)]
    [InlineData("from=2011-03-01&to=2011-03-15", 40)]
    [InlineData("year=2011&closed=true", 12)]
    [InlineData("year=2011&closedWithinSla=false", 2)]
    [InlineData("year=2012", 1)]
    public async Task ListAsync_ComplaintsOf2011_CountsTheTaiwanPeriod(string query, int expected)
    {
        await SeedComplaints2011Async();
        await using var scope = TestScopes.As(_services, Roles.CxAgent);
        var records = scope.ServiceProvider.GetRequiredService<RecordsService>();

        var list = await records.ListAsync(records.Find(ComplaintRecords.Name)!, Filter(query), CancellationToken.None);

        Assert.Equal(expected, list.Total);
    }

    [Fact]
    public async Task RecordsPage_ComplaintsOf2011_ShowsTheCountAndThePagerToTheCxAgent()
    {
        await SeedComplaints2011Async();
        using var cx = await fixture.Factory.SignedInClientAsync("cx.agent@demo.local");

        var page = await cx.GetStringAsync(new Uri("/reports/records/complaints?year=2011&page=2", UriKind.Relative));

        Assert.Contains("共 53 筆，顯示第 51–53 筆", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"records-pager\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"record-customer\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("陳大明", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordsPage_CommitteeMember_IsRefusedByThePagePolicy()
    {
        using var member = await fixture.Factory.SignedInClientAsync("committee@demo.local");

        using var refused = await member.GetAsync(new Uri("/reports/records/audits?year=2020", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task RecordsPage_SourceOutsideThePersonsPolicies_Returns403WithoutRecords()
    {
        await SeedComplaints2011Async();
        using var qa = await fixture.Factory.SignedInClientAsync("qa.inspector@demo.local");

        using var response = await qa.GetAsync(new Uri("/reports/records/complaints?year=2011", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(AccessDeniedTitle, page, StringComparison.Ordinal);
        Assert.DoesNotContain("共 53 筆", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/reports/records/complaints?year=2011&filter=Closed", HttpStatusCode.BadRequest)]
    [InlineData("/reports/records/complaints?year=2011&page=x", HttpStatusCode.BadRequest)]
    [InlineData("/reports/records/parcels?year=2011", HttpStatusCode.NotFound)]
    public async Task RecordsPage_WrongLink_IsRefusedWithItsStatusAndAMessage(string path, HttpStatusCode expected)
    {
        using var cx = await fixture.Factory.SignedInClientAsync("cx.agent@demo.local");

        using var response = await cx.GetAsync(new Uri(path, UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        // 404 is answered by the portal's not-found page (status code pages); a refused filter keeps the records page and says why.
        Assert.True(expected == HttpStatusCode.NotFound || page.Contains("data-testid=\"records-error\"", StringComparison.Ordinal));
        Assert.DoesNotContain("data-testid=\"records-table\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComplaintKpiPage_YearFigure_LinksToTheRecordsPageOfThatYear()
    {
        using var cx = await fixture.Factory.SignedInClientAsync("cx.agent@demo.local");

        var kpis = await cx.GetStringAsync(new Uri("/complaints/kpis", UriKind.Relative));

        Assert.Contains("href=\"/reports/records/complaints?year=2020\"", kpis, StringComparison.Ordinal);
    }

    /// <summary>
    /// 2011 (Taiwan calendar), a year the demo never seeds: 1 complaint at 01:00 on 1 January, 40 in March,
    /// 12 in April, and one at 00:30 on 1 January 2012 that belongs to 2012: 53 in 2011. Twelve of the April ones are
    /// closed, two of them after the 7-day target.
    /// </summary>
    private async Task SeedComplaints2011Async()
    {
        await using var db = _services.GetRequiredService<PortalDatabase>().Create(AuditActor.System);
        if (await db.Complaints.AnyAsync(c => c.Description == Marker2011))
        {
            return;
        }

        var opened = new List<(DateTime OpenedUtc, bool? Within)> { (new DateTime(2010, 12, 31, 17, 0, 0, DateTimeKind.Utc), null) };
        opened.AddRange(Enumerable.Range(1, 40).Select(i => (new DateTime(2011, 3, 1 + (i % 14), 2, 0, 0, DateTimeKind.Utc), (bool?)null)));
        opened.AddRange(Enumerable.Range(1, 12).Select(i => (new DateTime(2011, 4, 10 + i, 2, 0, 0, DateTimeKind.Utc), (bool?)(i > 2))));
        opened.Add((new DateTime(2011, 12, 31, 16, 30, 0, DateTimeKind.Utc), null));
        await using var scope = TestScopes.As(_services, Roles.CxAgent);
        var complaints = scope.ServiceProvider.GetRequiredService<ComplaintIntake>();
        foreach (var (openedUtc, within) in opened)
        {
            var created = await complaints.CreateAsync(
                new ComplaintForm { Channel = ComplaintChannel.Phone, CustomerName = "陳大明", CustomerPhone = "0912345678", CategoryId = 1, Description = Marker2011 },
                CancellationToken.None);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors));
            await db.Complaints.Where(c => c.Id == created.Id).ExecuteUpdateAsync(
                s => s.SetProperty(c => c.OpenedUtc, openedUtc)
                    .SetProperty(c => c.ClosedUtc, within is null ? null : openedUtc.AddDays(within.Value ? 3 : 9))
                    .SetProperty(c => c.ClosedWithinTarget, within)
                    .SetProperty(c => c.Status, within is null ? CaseStatus.New : CaseStatus.Closed));
        }
    }

    private const string Marker2011 = "T-RECORDS-2011 測試客訴";

    private static (string Source, RecordFilter Filter) Parse(string link)
    {
        var uri = new Uri("http://x" + link);
        return (uri.AbsolutePath["/reports/records/".Length..], Filter(uri.Query));
    }

    private static RecordFilter Filter(string query) => RecordFilter.FromQuery(query);
}
