using EasternSelect.Portal.Features.Reports.Esg;
using EasternSelect.Portal.Features.Reports.Records;

namespace EasternSelect.Portal.Features.Reports;

public static class ReportsRegistration
{
    /// <summary>/reports: the engine (PDF with the shipped CJK font, Excel), the catalogue, the ESG sections in order and the drill-down.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddSingleton(_ => ReportFont.Load(configuration, environment.ContentRootPath));
        services.AddSingleton<PdfReportRenderer>();
        services.AddScoped<ReportService>();
        services.AddScoped<IEsgSection, SupplierEsgSection>();
        services.AddScoped<IEsgSection, TrainingEsgSection>();
        services.AddScoped<IEsgSection, InspectionEsgSection>();
        services.AddScoped<IEsgSection, ComplaintEsgSection>();
        services.AddScoped<IEsgSection, GrievanceEsgSection>();
        services.AddScoped<IEsgSection, CommitteeEsgSection>();
        services.AddScoped<CaseReports>();
        services.AddScoped<EsgReport>();
        services.AddReportRecords();
        return services;
    }
}
