using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;
using EasternSelect.Data;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Privacy;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Reports;
using EasternSelect.Portal.Features.Reports.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests.Reports;

/// <summary>
/// The ESG complaint (400) and grievance (500) sections, the complaints/grievances record sources behind their figures,
/// and the inspections (month), complaints (date range) and grievances (year) reports, against the demo data.
/// </summary>
public sealed class CaseReportTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private const string CustomerName = "甄可馨Zq";
    private const string CustomerPhone = "0987-654-321";
    private const string CustomerEmail = "zq.private@example.com";
    private const string GrievanceCompany = "Xq秘密廠商股份有限公司";
    private const string GrievanceContact = "林Xq";
    private const string GrievancePhone = "0922-333-444";
    private const string GrievanceSubject = "XqSecretSubject 檔期";

    private static readonly DateTime Year2020 = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Year2021 = new(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly PortalFactory _factory = fixture.Factory;

    [Fact]
    public async Task EsgPdf_2020_HasTheComplaintAndGrievanceHeadingsAndTheCountsOfTheDatabase()
    {
        await SeedPersonalDataAsync();
        var (complaints2018, complaints2019, complaints2020, grievances2020) = await CountsAsync();
        using var client = await _factory.SignedInClientAsync("executive@demo.local");

        var pdf = await client.GetByteArrayAsync(new Uri("/reports/esg.pdf?year=2020", UriKind.Relative));

        var text = await PdfText.ExtractAsync(pdf, layout: true);
        foreach (var heading in new[] { "2.3.2 傾聽客戶心聲", "近 3 年 3 項指標績效", "近 3 年客戶主要反映內容", "供應商即時申訴服務平台", "廠訴案件（依主題與調查結果）", "廠訴案件結案情形" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        var flat = Flat(text);
        Assert.Contains($"處理廠訴案件共計{N(grievances2020)}件", flat, StringComparison.Ordinal);
        Assert.Contains($"年共受理客訴{N(complaints2020)}件", flat, StringComparison.Ordinal);
        var lines = text.Split('\n');
        Assert.Contains(lines, l => l.TrimStart().StartsWith("2018 ", StringComparison.Ordinal) && l.Contains(" " + N(complaints2018) + " ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("2019 ", StringComparison.Ordinal) && l.Contains(" " + N(complaints2019) + " ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("2020 ", StringComparison.Ordinal) && l.Contains(" " + N(complaints2020) + " ", StringComparison.Ordinal));
        AssertNoPersonalData(text);
    }

    [Fact]
    public async Task EsgSections_EveryLinkedCount_EqualsTheTotalOfItsRecordSource()
    {
        await using var scope = TestScopes.As(_factory.Services, Roles.Executive, out ReportService reports);
        var esg = ReportCatalog.Find(ReportCatalog.Esg)!;
        var document = await reports.BuildAsync(esg, new ReportParameters(2018, 2020, 2020), CancellationToken.None);

        var checkedLinks = await AssertLinkedCountsAsync(scope, document);

        Assert.True(checkedLinks.Count(l => l.StartsWith("/reports/records/complaints", StringComparison.Ordinal)) >= 20, string.Join("\n", checkedLinks));
        Assert.True(checkedLinks.Count(l => l.StartsWith("/reports/records/grievances", StringComparison.Ordinal)) >= 20, string.Join("\n", checkedLinks));
        var tile = document.Sections.SelectMany(s => s.Blocks).OfType<ReportKpis>().SelectMany(k => k.Tiles).Single(t => t.Link?.Contains("complaints", StringComparison.Ordinal) == true);
        Assert.Equal(0m, tile.Target);
        Assert.Equal(KpiGoal.AtMost, tile.Goal);
        var list = await ListAsync(scope, tile.Link!);
        Assert.Equal((await CountsAsync()).Complaints2020, list.Total);
    }

    [Fact]
    public async Task CasesReports_EveryLinkedCount_EqualsTheTotalOfItsRecordSource()
    {
        await using var scope = TestScopes.As(_factory.Services, Roles.Executive, out ReportService reports);
        var complaints = await reports.BuildAsync(ReportCatalog.Find(ReportCatalog.Complaints)!,
            ReportParameters.None with { FromDate = new DateOnly(2020, 3, 1), ToDate = new DateOnly(2020, 8, 31) }, CancellationToken.None);
        var grievances = await reports.BuildAsync(ReportCatalog.Find(ReportCatalog.Grievances)!, new ReportParameters(2018, 2020, 2020), CancellationToken.None);

        var checkedLinks = await AssertLinkedCountsAsync(scope, complaints);
        checkedLinks.AddRange(await AssertLinkedCountsAsync(scope, grievances));

        Assert.Contains(checkedLinks, l => l.Contains("from=2020-03-01&to=2020-08-31&channel=Web", StringComparison.Ordinal));
        Assert.Contains(checkedLinks, l => l.Contains("closedWithinSla=false", StringComparison.Ordinal));
        Assert.Contains(checkedLinks, l => l.Contains("source=PublicForm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ComplaintRecords_ShowTheCustomerMaskedOnly()
    {
        var number = await SeedPersonalDataAsync();
        await using var scope = TestScopes.As(_factory.Services, Roles.Executive);

        var list = await ListAsync(scope, RecordLinks.For(ComplaintRecords.Name, ("year", 2020), ("month", 6)));

        var row = list.Table.Rows.Single(r => r[0].Text == number);
        Assert.Equal(PersonalDataMask.Name(CustomerName), row[^1].Text);
        var all = string.Join("|", list.Table.Rows.SelectMany(r => r).Select(c => c.Display(CultureInfo.InvariantCulture)));
        Assert.DoesNotContain(CustomerName, all, StringComparison.Ordinal);
        Assert.DoesNotContain(CustomerPhone, all, StringComparison.Ordinal);
        Assert.DoesNotContain(CustomerEmail, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrievanceRecords_NeverShowTheComplainantOrTheSubject()
    {
        await SeedPersonalDataAsync();
        await using var scope = TestScopes.As(_factory.Services, Roles.SupplierHead);

        var list = await ListAsync(scope, RecordLinks.For(GrievanceRecords.Name, ("year", 2019)));

        await using var lease = await DbAsync();
        var db = lease.Db;
        Assert.Equal(await db.Grievances.CountAsync(g => g.OpenedUtc >= Year2020.AddYears(-1) && g.OpenedUtc < Year2020), list.Total);
        Assert.Contains(list.Table.Rows, r => r[0].Text == "G2019-9901");
        var all = string.Join("|", list.Table.Rows.SelectMany(r => r).Select(c => c.Display(CultureInfo.InvariantCulture)).Concat(list.Table.Columns.Select(c => c.Header)));
        foreach (var secret in new[] { GrievanceCompany, GrievanceContact, GrievancePhone, GrievanceSubject, "Xq" })
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GrievanceRecords_AnAuditorSeesOnlyTheCasesAssignedToIt()
    {
        await using var scope = TestScopes.As(_factory.Services, Roles.ThirdPartyAuditor, "auditor-without-cases");

        var list = await ListAsync(scope, RecordLinks.For(GrievanceRecords.Name, ("year", 2020)));

        Assert.Equal(0, list.Total);
    }

    [Theory]
    [InlineData(Roles.ThirdPartyAuditor, ComplaintRecords.Name)]
    [InlineData(Roles.SupplierOfficer, ComplaintRecords.Name)]
    [InlineData(Roles.CxAgent, GrievanceRecords.Name)]
    [InlineData(Roles.QaManager, GrievanceRecords.Name)]
    public async Task RecordSources_RoleWithoutThePolicy_IsRefused(string role, string source)
    {
        await using var scope = TestScopes.As(_factory.Services, role);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => ListAsync(scope, RecordLinks.For(source, ("year", 2020))));
    }

    [Theory]
    [InlineData("/reports/records/complaints?year=2020&topic=nonsense")]
    [InlineData("/reports/records/complaints?year=2020&month=13")]
    [InlineData("/reports/records/complaints?from=2020-02-01&to=2020-01-01")]
    [InlineData("/reports/records/complaints?year=2020&closedWithinSla=maybe")]
    [InlineData("/reports/records/grievances?year=2020&outcome=Guilty")]
    [InlineData("/reports/records/grievances?topic=ProductSales")]
    public async Task RecordSources_BadFilter_Throws(string link)
    {
        await using var scope = TestScopes.As(_factory.Services, Roles.Executive);

        await Assert.ThrowsAsync<RecordFilterException>(() => ListAsync(scope, link));
    }

    [Theory]
    [InlineData("/reports/inspections.pdf?month=2020-12", "inspections-2020-12.pdf")]
    [InlineData("/reports/inspections.xlsx?month=2020-12", "inspections-2020-12.xlsx")]
    [InlineData("/reports/complaints.pdf?from=2020-01-01&to=2020-12-31", "complaints-2020-01-01-2020-12-31.pdf")]
    [InlineData("/reports/complaints.xlsx?from=2020-01-01&to=2020-12-31", "complaints-2020-01-01-2020-12-31.xlsx")]
    [InlineData("/reports/grievances.pdf?year=2019", "grievances-2019.pdf")]
    [InlineData("/reports/grievances.xlsx?year=2019", "grievances-2019.xlsx")]
    [InlineData("/reports/esg.xlsx?year=2020", "esg-2020.xlsx")]
    [InlineData("/reports/esg.pdf?year=2019", "esg-2019.pdf")]
    public async Task NewReports_Allowed_AreAValidPdfOrWorkbookWithoutPersonalData(string path, string fileName)
    {
        await SeedPersonalDataAsync();
        var email = path.Contains("inspections", StringComparison.Ordinal) ? "qa.manager@demo.local"
            : path.Contains("complaints", StringComparison.Ordinal) ? "cx.agent@demo.local" : "supplier.head@demo.local";
        using var client = await _factory.SignedInClientAsync(email);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        string text;
        if (fileName.EndsWith(".pdf", StringComparison.Ordinal))
        {
            Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
            text = await PdfText.ExtractAsync(bytes, layout: true);
        }
        else
        {
            text = await WorkbookXmlAsync(bytes);
        }

        AssertNoPersonalData(text);
    }

    [Fact]
    public async Task ComplaintsPdf_2020_CountsAndTheSevenDayRateMatchTheDatabase()
    {
        await SeedPersonalDataAsync();
        await using var lease = await DbAsync();
        var db = lease.Db;
        var opened = db.Complaints.Where(c => c.OpenedUtc >= Year2020 && c.OpenedUtc < Year2021);
        var count = await opened.CountAsync();
        var closed = await opened.CountAsync(c => c.ClosedUtc != null);
        var within = await opened.CountAsync(c => c.ClosedWithinTarget == true);
        var web = await opened.CountAsync(c => c.Channel == ComplaintChannel.Web);
        using var client = await _factory.SignedInClientAsync("major.case@demo.local");

        var text = await PdfText.ExtractAsync(await client.GetByteArrayAsync(new Uri("/reports/complaints.pdf?from=2020-01-01&to=2020-12-31", UriKind.Relative)), layout: true);

        var flat = Flat(text);
        Assert.Contains($"共受理客訴{N(count)}件，已結案{N(closed)}件", flat, StringComparison.Ordinal);
        var rate = (100m * within / closed).ToString("N1", CultureInfo.GetCultureInfo("zh-TW")) + "%";
        Assert.Contains(text.Split('\n'), l => l.Contains("7 日內結案（達成）", StringComparison.Ordinal) && l.TrimEnd().EndsWith(" " + N(within), StringComparison.Ordinal));
        Assert.Contains(text.Split('\n'), l => l.Contains("合計", StringComparison.Ordinal) && l.Contains(" " + rate, StringComparison.Ordinal));
        Assert.Contains(text.Split('\n'), l => l.Contains("網站", StringComparison.Ordinal) && l.Contains(" " + N(web) + " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InspectionsPdf_December2020_ShowsTheMonthsLotsAndRejectedLotsFromTheDatabase()
    {
        await using var lease = await DbAsync();
        var db = lease.Db;
        var month = new DateOnly(2020, 12, 1);
        var lots = db.IncomingLots.Where(x => !x.IsReinspection && x.Month == month);
        var received = await lots.CountAsync();
        var rejected = await lots.Where(x => x.Decision == EasternSelect.Domain.Sampling.LotDecision.Rejected).Select(x => x.LotNumber).ToListAsync();
        using var client = await _factory.SignedInClientAsync("qa.inspector@demo.local");

        var text = await PdfText.ExtractAsync(await client.GetByteArrayAsync(new Uri("/reports/inspections.pdf?month=2020-12", UriKind.Relative)), layout: true);

        Assert.True(received > 0, "the demo data has no lots in December 2020");
        Assert.Contains($"收貨{N(received)}批", Flat(text), StringComparison.Ordinal);
        Assert.Contains($"拒收{N(rejected.Count)}批", Flat(text), StringComparison.Ordinal);
        Assert.NotEmpty(rejected);
        Assert.NotEmpty(rejected);
        Assert.All(rejected, number => Assert.Contains(number, text, StringComparison.Ordinal));
        Assert.Contains("不良及短交率", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cx.agent@demo.local", "/reports/inspections.pdf?month=2020-12")]
    [InlineData("executive@demo.local", "/reports/inspections.xlsx?month=2020-12")]
    [InlineData("qa.inspector@demo.local", "/reports/complaints.pdf?from=2020-01-01&to=2020-12-31")]
    [InlineData("supplier.head@demo.local", "/reports/complaints.xlsx")]
    [InlineData("supplier.officer@demo.local", "/reports/grievances.pdf?year=2020")]
    [InlineData("auditor@demo.local", "/reports/grievances.xlsx?year=2020")]
    [InlineData("cx.agent@demo.local", "/reports/grievances.pdf?year=2020")]
    [InlineData("cx.agent@demo.local", "/reports/suppliers.xlsx")]
    [InlineData("major.case@demo.local", "/reports/esg.pdf?year=2020")]
    [InlineData("merchandiser@demo.local", "/reports")]
    public async Task NewReports_RoleWithoutThePolicy_Returns403(string email, string path)
    {
        using var client = await _factory.SignedInClientAsync(email);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/reports/inspections.pdf?month=2020-13", "月份格式須為 yyyy-MM")]
    [InlineData("/reports/inspections.xlsx?month=garbage", "月份格式須為 yyyy-MM")]
    [InlineData("/reports/inspections.pdf?month=2020-1", "月份格式須為 yyyy-MM")]
    [InlineData("/reports/inspections.pdf?month=1999-12", "月份不可早於 2000 年")]
    [InlineData("/reports/inspections.pdf?month=2999-01", "月份不可晚於本月")]
    [InlineData("/reports/complaints.pdf?from=2020-12-31&to=2020-01-01", "結束日期不可早於起始日期")]
    [InlineData("/reports/complaints.xlsx?from=garbage&to=2020-01-01", "日期格式須為 yyyy-MM-dd")]
    [InlineData("/reports/complaints.pdf?from=2020-02-30&to=2020-03-01", "日期格式須為 yyyy-MM-dd")]
    [InlineData("/reports/complaints.pdf?from=2017-01-01&to=2020-01-01", "期間最長 3 年")]
    [InlineData("/reports/complaints.pdf?from=2020-01-01&to=2999-01-01", "結束日期不可晚於今天")]
    [InlineData("/reports/grievances.pdf?year=abc", "年度必須是數字")]
    public async Task NewReports_BadParameters_Return400WithAMessage(string path, string message)
    {
        var email = path.Contains("inspections", StringComparison.Ordinal) ? "qa.manager@demo.local" : "executive@demo.local";
        using var client = await _factory.SignedInClientAsync(email);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComplaintsReport_ThreeFullYears_IsAccepted()
    {
        using var client = await _factory.SignedInClientAsync("executive@demo.local");

        using var response = await client.GetAsync(new Uri("/reports/complaints.xlsx?from=2018-01-01&to=2020-12-31", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.CxAgent, new[] { ReportCatalog.Complaints })]
    [InlineData(Roles.MajorCaseTeam, new[] { ReportCatalog.Complaints })]
    [InlineData(Roles.QaInspector, new[] { ReportCatalog.SupplierReviews, ReportCatalog.Training, ReportCatalog.Suppliers, ReportCatalog.Products, ReportCatalog.Inspections })]
    [InlineData(Roles.SupplierHead, new[] { ReportCatalog.Esg, ReportCatalog.SupplierReviews, ReportCatalog.Training, ReportCatalog.Suppliers, ReportCatalog.Products, ReportCatalog.Grievances })]
    public async Task ReportsPage_EachRole_IsOfferedExactlyItsReports(string role, string[] keys)
    {
        await using var scope = TestScopes.As(_factory.Services, role, out ReportService reports);

        var available = await reports.AvailableAsync();

        Assert.Equal(keys.Order(), available.Select(r => r.Key).Order());
    }

    [Fact]
    public async Task ReportsPage_CxAgent_Opens()
    {
        using var client = await _factory.SignedInClientAsync("cx.agent@demo.local");

        using var response = await client.GetAsync(new Uri("/reports", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"report-complaints\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"report-suppliers\"", html, StringComparison.Ordinal);
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Flat(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static void AssertNoPersonalData(string text)
    {
        foreach (var secret in new[] { CustomerName, CustomerPhone, "0987654321", CustomerEmail, PersonalDataMask.Name(CustomerName), GrievanceCompany, GrievanceContact, GrievancePhone, GrievanceSubject, "Xq" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    private static async Task<string> WorkbookXmlAsync(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var all = new StringBuilder();
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var numeric = 0;
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal)))
        {
            await using var stream = entry.Open();
            var xml = XDocument.Load(stream);
            all.Append(xml.ToString());
            if (entry.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal))
            {
                numeric += xml.Descendants(ns + "c").Count(c => ((string?)c.Attribute("t") ?? "n") == "n" && c.Element(ns + "v") is not null);
            }
        }

        Assert.Contains(zip.Entries, e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal));
        Assert.True(numeric > 0, "no numeric cells");
        return all.ToString();
    }

    /// <summary>Checks every linked number of <paramref name="document"/> drilling into complaints or grievances: its record source's Total is the figure. Returns the links checked.</summary>
    private static async Task<List<string>> AssertLinkedCountsAsync(AsyncServiceScope scope, ReportDocument document)
    {
        var checkedLinks = new List<string>();
        var cells = document.Tables.SelectMany(t => t.Rows.SelectMany(r => r).Concat(t.Totals ?? []))
            .Where(c => c.Link is not null && c.Kind == CellKind.Number && c.Number is not null
                && (c.Link.StartsWith("/reports/records/complaints?", StringComparison.Ordinal) || c.Link.StartsWith("/reports/records/grievances?", StringComparison.Ordinal)));
        foreach (var cell in cells)
        {
            var list = await ListAsync(scope, cell.Link!);
            Assert.True(cell.Number == list.Total, $"{cell.Link}: figure {cell.Number}, records {list.Total}");
            checkedLinks.Add(cell.Link!);
        }

        return checkedLinks;
    }

    private static Task<RecordList> ListAsync(AsyncServiceScope scope, string link)
    {
        var uri = new Uri("http://portal" + link);
        var source = scope.ServiceProvider.GetServices<IRecordSource>().Single(s => "/reports/records/" + s.Source == uri.AbsolutePath);
        return source.ListAsync(RecordFilter.FromQuery(uri.Query), RecordPage.First, CancellationToken.None);
    }

    private async Task<(int Complaints2018, int Complaints2019, int Complaints2020, int Grievances2020)> CountsAsync()
    {
        await using var lease = await DbAsync();
        var db = lease.Db;
        Task<int> Complaints(int year) =>
            db.Complaints.CountAsync(c => c.OpenedUtc >= new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc) && c.OpenedUtc < new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var c2018 = await Complaints(2018);
        var c2019 = await Complaints(2019);
        var c2020 = await Complaints(2020);
        var g2020 = await db.Grievances.CountAsync(g => g.OpenedUtc >= Year2020 && g.OpenedUtc < Year2021);
        return (c2018, c2019, c2020, g2020);
    }

    /// <summary>A 2020 complaint and a 2019 grievance with distinctive personal data (once per factory); returns the complaint's number.</summary>
    private async Task<string> SeedPersonalDataAsync()
    {
        await using var lease = await DbAsync();
        var db = lease.Db;
        const string number = "C2020-990001";
        if (await db.Complaints.AnyAsync(c => c.Number == number))
        {
            return number;
        }

        var category = await db.ComplaintCategories.OrderBy(c => c.SortOrder).FirstAsync();
        var opened = new DateTime(2020, 6, 15, 3, 0, 0, DateTimeKind.Utc);
        var by = new CaseActor("test", "test");
        var complaint = new Complaint
        {
            Channel = ComplaintChannel.Web, CustomerName = CustomerName, CustomerPhone = CustomerPhone, CustomerEmail = CustomerEmail,
            CustomerAddress = "台北市Xq路1號", CategoryId = category.Id, Description = "XqSecretDescription",
        };
        complaint.Open(number, opened, opened.AddDays(7), opened.AddHours(24), by);
        complaint.Assign(by, by, opened.AddHours(1));
        complaint.MoveTo(CaseStatus.Investigating, by, opened.AddHours(2));
        complaint.MoveTo(CaseStatus.Resolved, by, opened.AddHours(30));
        complaint.SetRootCause(RootCause.Delivery, null, null, by, opened.AddHours(30));
        complaint.MoveTo(CaseStatus.Closed, by, opened.AddHours(31));
        db.Complaints.Add(complaint);
        var grievance = new Grievance
        {
            Topic = GrievanceTopic.PaymentsFees, Source = GrievanceSource.PublicForm, Subject = GrievanceSubject, Description = "XqSecretDescription",
            CompanyName = GrievanceCompany, ContactName = GrievanceContact, ContactPhone = GrievancePhone, ContactEmail = "xq.supplier@example.com",
        };
        // 2019, so the 2020 ESG figure stays the seed's 65.
        var filed = opened.AddYears(-1);
        grievance.Open("G2019-9901", filed, filed.AddDays(30), null, by);
        db.Grievances.Add(grievance);
        await db.SaveChangesAsync();
        return number;
    }

    private async Task<DbLease> DbAsync()
    {
        var scope = _factory.Services.CreateAsyncScope();
        return new DbLease(scope, await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync());
    }

    /// <summary>A context and the scope its factory came from, disposed together.</summary>
    private sealed class DbLease(AsyncServiceScope scope, PortalDbContext db) : IAsyncDisposable
    {
        public PortalDbContext Db { get; } = db;

        public async ValueTask DisposeAsync()
        {
            await Db.DisposeAsync();
            await scope.DisposeAsync();
        }
    }
}
