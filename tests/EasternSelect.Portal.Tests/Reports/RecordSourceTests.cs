using System.Globalization;
using System.Net;
using System.Security.Claims;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Sampling;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Inspections.Quality;
using EasternSelect.Portal.Features.Reports;
using EasternSelect.Portal.Features.Reports.Esg;
using EasternSelect.Portal.Features.Reports.Records;
using EasternSelect.Portal.Infrastructure.Security;
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
        await using var scope = Scope(Roles.Executive);
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
            Assert.Equal(Math.Min(list.Total, RecordsService.Limit), list.Table.Rows.Count);
            checkedCounts++;
        }

        Assert.True(checkedCounts >= 25, $"only {checkedCounts} counts checked");
    }

    [Fact]
    public async Task QualityPageFigures_2020ByMonthAndCategory_LotCountsEqualTheirRecordTotals()
    {
        await using var scope = Scope(Roles.QaManager);
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
        await using var scope = Scope(Roles.Executive);
        var records = scope.ServiceProvider.GetRequiredService<RecordsService>();

        var list = await records.ListAsync(records.Find(SupplierRecords.Name)!, Filter("status=Qualified"), CancellationToken.None);

        var contactColumn = list.Table.Columns.ToList().FindIndex(c => c.Header == "聯絡人姓名");
        Assert.True(contactColumn > 0);
        Assert.All(list.Table.Rows, r => Assert.Contains("*", r[contactColumn].Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("lots", "year=2020")]
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
        await using var scope = Scope(Roles.Executive);
        var records = scope.ServiceProvider.GetRequiredService<RecordsService>();

        await Assert.ThrowsAsync<RecordFilterException>(() => records.ListAsync(records.Find(source)!, Filter(query), CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_RoleWithoutTheSourcesPolicy_IsRefused()
    {
        await using var scope = Scope(Roles.CxAgent);
        var records = scope.ServiceProvider.GetRequiredService<RecordsService>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => records.ListAsync(records.Find(LotRecords.Name)!, Filter("year=2020"), CancellationToken.None));
    }

    [Fact]
    public async Task RecordsPage_ShowsTheListToQaAndRefusesACommitteeMember()
    {
        using var qa = await fixture.Factory.SignedInClientAsync("qa.manager@demo.local");
        using var member = await fixture.Factory.SignedInClientAsync("committee@demo.local");

        var shown = await qa.GetStringAsync(new Uri("/reports/records/audits?year=2020&reason=Oem", UriKind.Relative));
        using var refused = await member.GetAsync(new Uri("/reports/records/audits?year=2020", UriKind.Relative));

        Assert.Contains("共 18 筆", shown, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task RecordsPage_SourceOutsideThePersonsPolicies_ShowsAccessDeniedWithoutRecords()
    {
        using var cx = await fixture.Factory.SignedInClientAsync("cx.agent@demo.local");

        var page = await cx.GetStringAsync(new Uri("/reports/records/audits?year=2020&reason=Oem", UriKind.Relative));

        Assert.Contains(AccessDeniedTitle, page, StringComparison.Ordinal);
        Assert.DoesNotContain("共 18 筆", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComplaintKpiPage_YearFigureLinksToTheComplaintsOfThatYear()
    {
        using var cx = await fixture.Factory.SignedInClientAsync("cx.agent@demo.local");
        int opened;
        await using (var db = _services.GetRequiredService<PortalDatabase>().Create(AuditActor.System))
        {
            var from = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            opened = await db.Complaints.CountAsync(c => c.OpenedUtc >= from && c.OpenedUtc < from.AddYears(1));
        }

        var kpis = await cx.GetStringAsync(new Uri("/complaints/kpis", UriKind.Relative));
        var records = await cx.GetStringAsync(new Uri("/reports/records/complaints?year=2020", UriKind.Relative));

        Assert.Contains("href=\"/reports/records/complaints?year=2020\"", kpis, StringComparison.Ordinal);
        Assert.True(opened > 0);
        Assert.Contains($"共 {opened.ToString("N0", CultureInfo.GetCultureInfo("zh-TW"))} 筆", records, StringComparison.Ordinal);
    }

    private static (string Source, RecordFilter Filter) Parse(string link)
    {
        var uri = new Uri("http://x" + link);
        return (uri.AbsolutePath["/reports/records/".Length..], Filter(uri.Query));
    }

    private static RecordFilter Filter(string query) => RecordFilter.FromQuery(query);

    private AsyncServiceScope Scope(string role)
    {
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "test-" + role), new Claim(ClaimTypes.Name, role + "@test"), new Claim(ClaimTypes.Role, role)], "test")));
        return scope;
    }
}
