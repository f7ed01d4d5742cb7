using EasternSelect.Domain.Common;
using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Privacy;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Features.Committees;
using EasternSelect.Portal.Features.Reports.Esg;
using EasternSelect.Portal.Features.Suppliers.Reviews;
using EasternSelect.Portal.Features.Suppliers.Training;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace EasternSelect.Portal.Features.Reports;

/// <summary>
/// Builds the reports of <see cref="ReportCatalog"/> as a <see cref="ReportDocument"/> and renders them as PDF
/// or Excel. Every file handed out is an Export in the audit log. Personal data leaves masked only.
/// </summary>
public sealed class ReportService(
    IDbContextFactory<PortalDbContext> contexts,
    PolicyGuard guard,
    IAuthorizationService authorization,
    CurrentUser currentUser,
    AuditLog auditLog,
    ReviewYearSummaryService reviews,
    TrainingService training,
    EsgReport esg,
    ProductReviewService productReviews,
    AnomalyMeetingService anomalyMeetings,
    PdfReportRenderer pdf,
    CaseReports caseReports,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    public const string PdfType = "application/pdf";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A date range covers at most this many years (2018-01-01 to 2020-12-31 is the longest from 2018-01-01).</summary>
    public const int MaxDateRangeYears = 3;

    /// <summary>The reports the current person may open, in the catalogue's order.</summary>
    public async Task<IReadOnlyList<ReportDefinition>> AvailableAsync()
    {
        await guard.EnsureAsync(Policies.Reports);
        var result = new List<ReportDefinition>();
        foreach (var report in ReportCatalog.All)
        {
            if (report.Listed && (await authorization.AuthorizeAsync(currentUser.Principal, report.Policy)).Succeeded)
            {
                result.Add(report);
            }
        }

        return result;
    }

    /// <summary>The default parameters: the last complete year, and the two before it for a range.</summary>
    public ReportParameters Defaults()
    {
        var year = clock.TaipeiToday().Year - 1;
        var today = Today;
        return new ReportParameters(year - 2, year, year,
            Month: new DateOnly(today.Year, today.Month, 1).AddMonths(-1), FromDate: new DateOnly(year, 1, 1), ToDate: new DateOnly(year, 12, 31));
    }

    /// <summary>Today in the portal's time zone: the latest day a date range may reach.</summary>
    public DateOnly Today => clock.TaipeiToday();

    /// <summary>Reads the parameters from query values; null and a message when they are missing or wrong.</summary>
    public (ReportParameters? Parameters, string? Error) Parse(ReportDefinition report, Func<string, string?> query)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(query);
        var defaults = Defaults();
        switch (report.Parameters)
        {
            case ReportParameterKind.YearRange:
            {
                if (!TryYear(query("from"), defaults.From, out var from) || !TryYear(query("to"), defaults.To, out var to))
                {
                    return (null, l["Reports.YearNotANumber"]);
                }

                return Check(new ReportParameters(from, to, to));
            }

            case ReportParameterKind.Year:
            {
                if (!TryYear(query("year"), defaults.Year, out var year))
                {
                    return (null, l["Reports.YearNotANumber"]);
                }

                return Check(new ReportParameters(year - 2, year, year));
            }

            case ReportParameterKind.Meeting:
            case ReportParameterKind.MeetingSupplier:
            {
                if (!TryId(query("meeting"), out var meeting) || meeting is null)
                {
                    return (null, l["Reports.MeetingInvalid"]);
                }

                if (!TryId(query("supplier"), out var supplier) || (supplier is not null && report.Parameters == ReportParameterKind.Meeting))
                {
                    return (null, l["Reports.SupplierInvalid"]);
                }

                return (ReportParameters.None with { Meeting = meeting.Value, Supplier = supplier }, null);
            }

            case ReportParameterKind.Month:
            {
                var text = query("month");
                if (string.IsNullOrWhiteSpace(text))
                {
                    return Validate(report, ReportParameters.None with { Month = defaults.Month });
                }

                return DateOnly.TryParseExact(text.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
                    ? Validate(report, ReportParameters.None with { Month = month, Year = month.Year })
                    : (null, l["Reports.MonthInvalid"]);
            }

            case ReportParameterKind.DateRange:
            {
                if (!TryDate(query("from"), defaults.FromDate!.Value, out var from) || !TryDate(query("to"), defaults.ToDate!.Value, out var to))
                {
                    return (null, l["Reports.DateInvalid"]);
                }

                return Validate(report, ReportParameters.None with { FromDate = from, ToDate = to, From = from.Year, To = to.Year, Year = to.Year });
            }

            default:
                return (ReportParameters.None, null);
        }
    }

    /// <summary>Checks parameters typed on the Reports page or read from a query: the message of the first problem, or the parameters.</summary>
    public (ReportParameters? Parameters, string? Error) Validate(ReportDefinition report, ReportParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(parameters);
        var today = Today;
        switch (report.Parameters)
        {
            case ReportParameterKind.Year:
            case ReportParameterKind.YearRange:
                return Check(parameters);
            case ReportParameterKind.Month:
                if (parameters.Month is not { } month)
                {
                    return (null, l["Reports.MonthInvalid"]);
                }

                if (month.Year < ReviewYearSummaryService.MinYear)
                {
                    return (null, l["Reports.MonthTooEarly", ReviewYearSummaryService.MinYear]);
                }

                return month > today ? (null, l["Reports.MonthInFuture"]) : (parameters with { Month = new DateOnly(month.Year, month.Month, 1) }, null);
            case ReportParameterKind.DateRange:
                if (parameters.FromDate is not { } from || parameters.ToDate is not { } to)
                {
                    return (null, l["Reports.DateInvalid"]);
                }

                if (from.Year < ReviewYearSummaryService.MinYear)
                {
                    return (null, l["Reports.DateTooEarly", ReviewYearSummaryService.MinYear]);
                }

                if (to < from)
                {
                    return (null, l["Reports.DateOrder"]);
                }

                if (to > today)
                {
                    return (null, l["Reports.DateInFuture"]);
                }

                return to >= from.AddYears(MaxDateRangeYears) ? (null, l["Reports.DateRangeTooLong", MaxDateRangeYears]) : (parameters, null);
            default:
                return (parameters, null);
        }
    }

    public (ReportParameters? Parameters, string? Error) Check(ReportParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var error = ReviewYearSummaryService.CheckYearRange(parameters.From, parameters.To, clock.TaipeiToday().Year);
        return error is null ? (parameters, null) : (null, l[error]);
    }

    public async Task<ReportDocument> BuildAsync(ReportDefinition report, ReportParameters parameters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(parameters);
        await guard.EnsureAsync(report.Policy);
        return report.Key switch
        {
            ReportCatalog.SupplierReviews => await SupplierReviewsAsync(parameters, ct),
            ReportCatalog.Training => await TrainingAsync(parameters, ct),
            ReportCatalog.Suppliers => await SuppliersAsync(ct),
            ReportCatalog.Esg => await esg.BuildAsync(parameters.Year, ct),
            ReportCatalog.Inspections => await caseReports.InspectionsAsync(parameters.Month ?? throw new ArgumentException("month is required", nameof(parameters)), ct),
            ReportCatalog.Complaints => await caseReports.ComplaintsAsync(
                parameters.FromDate ?? throw new ArgumentException("from is required", nameof(parameters)), parameters.ToDate ?? throw new ArgumentException("to is required", nameof(parameters)), ct),
            ReportCatalog.Grievances => await caseReports.GrievancesAsync(parameters.Year, ct),
            ReportCatalog.CommitteeMinutes => ReportBuilders.ProductReviewMinutes(
                await productReviews.BuildMinutesAsync(parameters.Meeting, ct) ?? throw new ReportNotFoundException("No such product-review meeting."), l),
            ReportCatalog.AnomalyMinutes => ReportBuilders.AnomalyMinutes(
                await anomalyMeetings.BuildMinutesAsync(parameters.Meeting, parameters.Supplier, ct) ?? throw new ReportNotFoundException("No such anomaly meeting."), l),
            _ => throw new NotSupportedException($"The report {report.Key} has no document."),
        };
    }

    public async Task<byte[]> PdfAsync(ReportDefinition report, ReportParameters parameters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        var document = await BuildAsync(report, parameters, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var printed = l["Reports.PrintedLine", TaiwanTime.Format(now, "yyyy-MM-dd HH:mm"), currentUser.Actor.UserName].Value;
        var bytes = pdf.Render(document, new PdfPageInfo(printed, (page, pages) => l["Reports.PageOf", page, pages]), CultureInfo.CurrentCulture, now);
        await AuditAsync(report, parameters, "pdf", bytes.Length, ct);
        return bytes;
    }

    public async Task<byte[]> XlsxAsync(ReportDefinition report, ReportParameters parameters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        var document = await BuildAsync(report, parameters, ct);
        var bytes = ExcelReportRenderer.Render(document, CultureInfo.CurrentCulture, new ExcelLabels(
            l["Reports.Summary"], l["Reports.Kpis"], l["Reports.Kpi"], l["Reports.Actual"], l["Reports.Status"], l["Reports.Label"]));
        await AuditAsync(report, parameters, "xlsx", bytes.Length, ct);
        return bytes;
    }

    /// <summary>
    /// The whole product catalogue as Excel, written row by row to <paramref name="output"/> (MiniExcel):
    /// ClosedXML keeps every cell in memory, which does not fit 580,000 products. The export is audited
    /// with its row count when it ends, also when the download is cut off.
    /// </summary>
    public async Task WriteProductsAsync(Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        var report = ReportCatalog.Find(ReportCatalog.Products)!;
        await guard.EnsureAsync(report.Policy);
        var categories = Enum.GetValues<SupplierCategory>().ToDictionary(c => c, c => l["SupplierCategory." + c].Value);
        var channels = Enum.GetValues<SalesChannel>().ToDictionary(c => c, c => l["SalesChannel." + c].Value);
        var statuses = Enum.GetValues<ListingStatus>().ToDictionary(c => c, c => l["ListingStatus." + c].Value);
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            AutoFilter = true,
            TableStyles = TableStyles.None,
            DynamicColumns =
            [
                new DynamicExcelColumn("Sku") { Name = l["Products.Sku"], Width = 14 },
                new DynamicExcelColumn("Name") { Name = l["Products.Name"], Width = 40 },
                new DynamicExcelColumn("Supplier") { Name = l["Products.Supplier"], Width = 32 },
                new DynamicExcelColumn("Category") { Name = l["Suppliers.Category"], Width = 18 },
                new DynamicExcelColumn("Channel") { Name = l["Products.Channel"], Width = 10 },
                new DynamicExcelColumn("Price") { Name = l["Products.Price"], Width = 12, Format = "#,##0" },
                new DynamicExcelColumn("Units") { Name = l["Products.UnitsSold"], Width = 12, Format = "#,##0" },
                new DynamicExcelColumn("Listing") { Name = l["Products.Listing"], Width = 10 },
            ],
        };
        var rows = 0;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var products = db.Products.AsNoTracking().OrderBy(p => p.Sku)
                .Select(p => new { p.Sku, p.Name, Supplier = p.Supplier!.Name, p.Category, p.Channel, p.Price, MonthlyUnitsSold = db.ProductMonthlyOperatingData.Where(d => d.ProductId == p.Id).OrderByDescending(d => d.Month).Select(d => d.UnitsSold).FirstOrDefault(), p.ListingStatus })
                .AsEnumerable()
                .Select(p =>
                {
                    rows++;
                    return (IDictionary<string, object?>)new Dictionary<string, object?>(8, StringComparer.Ordinal)
                    {
                        ["Sku"] = p.Sku,
                        ["Name"] = p.Name,
                        ["Supplier"] = p.Supplier,
                        ["Category"] = categories[p.Category],
                        ["Channel"] = channels[p.Channel],
                        ["Price"] = p.Price,
                        ["Units"] = p.MonthlyUnitsSold,
                        ["Listing"] = statuses[p.ListingStatus],
                    };
                });
            await output.SaveAsAsync(products, sheetName: l["Products.Title"], excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: ct);
        }
        finally
        {
            await auditLog.WriteAsync(AuditAction.Export, currentUser.Actor, "Report", report.Key,
                string.Create(CultureInfo.InvariantCulture, $"{report.Key}.xlsx: {rows} rows"), CancellationToken.None);
        }
    }

    private async Task<ReportDocument> SupplierReviewsAsync(ReportParameters p, CancellationToken ct)
    {
        var years = await reviews.YearSummaryAsync(p.From, p.To, ct);
        var title = l["Reports.SupplierReviews.Title"];
        return new ReportDocument(title, Range(p), [new(l["Review.SummaryTitle"], [ReportBuilders.ReviewTable(l["Review.SummaryTitle"], years, l), ReportBuilders.ReviewChart(years, l)])]);
    }

    private async Task<ReportDocument> TrainingAsync(ReportParameters p, CancellationToken ct)
    {
        var years = await training.YearSummaryAsync(p.From, p.To, ct);
        return new ReportDocument(l["Reports.Training.Title"], Range(p),
            [new(l["Training.SummaryTitle"], [ReportBuilders.TrainingTable(l["Training.SummaryTitle"], years, l), ReportBuilders.TrainingChart(years, l)])]);
    }

    private async Task<ReportDocument> SuppliersAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var suppliers = await db.Suppliers.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new { s.Name, s.TaxId, s.Category, s.CountryCode, s.Status, s.Tier, s.ContactName, s.ContactPhone, s.ContactEmail, YearlyTransactionVolume = db.SupplierYearlyVolumes.Where(v => v.SupplierId == s.Id).OrderByDescending(v => v.Year).Select(v => v.TransactionVolume).FirstOrDefault() })
            .ToListAsync(ct);
        var table = new ReportTable(
            l["Suppliers.Title"],
            [
                new(l["Suppliers.Name"]), new(l["Suppliers.TaxId"]), new(l["Suppliers.Category"]), new(l["Suppliers.Status"]),
                new(l["Suppliers.Tier"]), new(l["SupplierForm.ContactName"]), new(l["SupplierForm.ContactPhone"]),
                new(l["SupplierForm.ContactEmail"]), new(l["Suppliers.Volume"], CellKind.Number),
            ],
            suppliers.Select(s => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Of(s.Name), ReportCell.Of(s.TaxId), ReportCell.Of(l["SupplierCategory." + s.Category].Value), ReportCell.Of(l["SupplierStatus." + s.Status].Value),
                ReportCell.Of(l["SupplierTier." + s.Tier].Value), ReportCell.Of(PersonalDataMask.Name(s.ContactName)), ReportCell.Of(PersonalDataMask.Phone(s.ContactPhone)),
                ReportCell.Of(PersonalDataMask.Email(s.ContactEmail)), ReportCell.Of(s.YearlyTransactionVolume),
            ]).ToList(),
            [ReportCell.Of(l["Reports.SupplierTotal", suppliers.Count].Value), .. Enumerable.Repeat(ReportCell.Empty, 7), ReportCell.Of(suppliers.Sum(s => s.YearlyTransactionVolume))]);
        return new ReportDocument(l["Reports.Suppliers.Title"], l["Reports.Suppliers.Subtitle"], [new(l["Suppliers.Title"], [table])]);
    }

    private string Range(ReportParameters p) => l["Reports.YearRange", p.From, p.To];

    private static bool TryYear(string? text, int fallback, out int year)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            year = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year);
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>An optional positive id: empty is null; anything else not a positive whole number fails.</summary>
    private static bool TryId(string? text, out int? id)
    {
        id = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            id = value;
            return true;
        }

        return false;
    }

    private Task AuditAsync(ReportDefinition report, ReportParameters p, string format, int bytes, CancellationToken ct) =>
        auditLog.WriteAsync(AuditAction.Export, currentUser.Actor, "Report", report.Key,
            string.Create(CultureInfo.InvariantCulture, $"{report.Key}.{format}: from {p.From} to {p.To}, meeting {p.Meeting}, supplier {p.Supplier}, month {p.Month:yyyy-MM}, dates {p.FromDate:yyyy-MM-dd}..{p.ToDate:yyyy-MM-dd}, {bytes} bytes"), ct);
}
