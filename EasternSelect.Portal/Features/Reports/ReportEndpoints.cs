using System.Globalization;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace EasternSelect.Portal.Features.Reports;

/// <summary>
/// GET /reports/{key}.pdf and /reports/{key}.xlsx. Each report's routes carry the report's own policy (403
/// otherwise); an unknown key or format is 404; wrong parameters are 400 with a message.
/// </summary>
public static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        foreach (var report in ReportCatalog.All)
        {
            if (report.HasPdf)
            {
                endpoints.MapGet($"/reports/{report.Key}.pdf", (HttpContext http, [FromServices] ReportService reports, CancellationToken ct) =>
                    FileAsync(http, reports, report, "pdf", ct)).RequireAuthorization(report.Policy);
            }

            if (report.Key == ReportCatalog.Products)
            {
                endpoints.MapGet($"/reports/{report.Key}.xlsx", ProductsAsync).RequireAuthorization(report.Policy);
            }
            else
            {
                endpoints.MapGet($"/reports/{report.Key}.xlsx", (HttpContext http, [FromServices] ReportService reports, CancellationToken ct) =>
                    FileAsync(http, reports, report, "xlsx", ct)).RequireAuthorization(report.Policy);
            }
        }

        endpoints.MapGet("/reports/{key}.{format}", () => TypedResults.NotFound()).RequireAuthorization(Policies.SignedIn);
    }

    /// <summary>The download name: esg-2020.pdf, supplier-reviews-2018-2020.xlsx, suppliers.xlsx, inspections-2020-12.pdf, complaints-2020-01-01-2020-12-31.xlsx.</summary>
    public static string FileName(ReportDefinition report, ReportParameters parameters, string format)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(parameters);
        var suffix = report.Parameters switch
        {
            ReportParameterKind.Year => string.Create(CultureInfo.InvariantCulture, $"-{parameters.Year}"),
            ReportParameterKind.YearRange => string.Create(CultureInfo.InvariantCulture, $"-{parameters.From}-{parameters.To}"),
            ReportParameterKind.Meeting or ReportParameterKind.MeetingSupplier => string.Create(CultureInfo.InvariantCulture, $"-{parameters.Meeting}")
                + (parameters.Supplier is { } s ? string.Create(CultureInfo.InvariantCulture, $"-supplier-{s}") : string.Empty),
            ReportParameterKind.Month => string.Create(CultureInfo.InvariantCulture, $"-{parameters.Month:yyyy-MM}"),
            ReportParameterKind.DateRange => string.Create(CultureInfo.InvariantCulture, $"-{parameters.FromDate:yyyy-MM-dd}-{parameters.ToDate:yyyy-MM-dd}"),
            _ => string.Empty,
        };
        return report.Key + suffix + "." + format;
    }

    /// <summary>The query string of a report's parameters, for links from the Reports page.</summary>
    public static string Query(ReportDefinition report, ReportParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(parameters);
        return report.Parameters switch
        {
            ReportParameterKind.Year => string.Create(CultureInfo.InvariantCulture, $"?year={parameters.Year}"),
            ReportParameterKind.YearRange => string.Create(CultureInfo.InvariantCulture, $"?from={parameters.From}&to={parameters.To}"),
            ReportParameterKind.Meeting or ReportParameterKind.MeetingSupplier => string.Create(CultureInfo.InvariantCulture, $"?meeting={parameters.Meeting}")
                + (parameters.Supplier is { } s ? string.Create(CultureInfo.InvariantCulture, $"&supplier={s}") : string.Empty),
            ReportParameterKind.Month => string.Create(CultureInfo.InvariantCulture, $"?month={parameters.Month:yyyy-MM}"),
            ReportParameterKind.DateRange => string.Create(CultureInfo.InvariantCulture, $"?from={parameters.FromDate:yyyy-MM-dd}&to={parameters.ToDate:yyyy-MM-dd}"),
            _ => string.Empty,
        };
    }

    private static async Task<IResult> FileAsync(HttpContext http, ReportService reports, ReportDefinition report, string format, CancellationToken ct)
    {
        var (parameters, error) = reports.Parse(report, name => http.Request.Query[name].FirstOrDefault());
        if (parameters is null)
        {
            return TypedResults.Problem(detail: error, statusCode: StatusCodes.Status400BadRequest);
        }

        byte[] bytes;
        try
        {
            bytes = format == "pdf" ? await reports.PdfAsync(report, parameters, ct) : await reports.XlsxAsync(report, parameters, ct);
        }
        catch (ReportNotFoundException)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(bytes, format == "pdf" ? ReportService.PdfType : ReportService.XlsxType, FileName(report, parameters, format));
    }

    private static async Task ProductsAsync(HttpContext http, [FromServices] ReportService reports, CancellationToken ct)
    {
        // MiniExcel's zip writer makes small synchronous writes; the rows themselves stream as they are read.
        if (http.Features.Get<IHttpBodyControlFeature>() is { } body)
        {
            body.AllowSynchronousIO = true;
        }

        http.Response.ContentType = ReportService.XlsxType;
        http.Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = "products.xlsx" }.ToString();
        await reports.WriteProductsAsync(http.Response.Body, ct);
    }
}
