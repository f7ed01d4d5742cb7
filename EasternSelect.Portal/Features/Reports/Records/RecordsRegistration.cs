namespace EasternSelect.Portal.Features.Reports.Records;

public static class RecordsRegistration
{
    /// <summary>The drill-down page's service and the record sources of the report figures.</summary>
    public static IServiceCollection AddReportRecords(this IServiceCollection services)
    {
        services.AddScoped<RecordsService>();
        services.AddScoped<IRecordSource, ComplaintRecords>();
        services.AddScoped<IRecordSource, GrievanceRecords>();
        services.AddScoped<IRecordSource, SupplierRecords>();
        services.AddScoped<IRecordSource, ReviewRecords>();
        services.AddScoped<IRecordSource, SpotCheckRecords>();
        services.AddScoped<IRecordSource, TrainingRecords>();
        services.AddScoped<IRecordSource, LotRecords>();
        services.AddScoped<IRecordSource, AuditRecords>();
        services.AddScoped<IRecordSource, MeetingRecords>();
        return services;
    }
}
