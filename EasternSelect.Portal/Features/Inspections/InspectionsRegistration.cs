using EasternSelect.Domain.Inspections;
using EasternSelect.Portal.Features.Inspections.Audits;
using EasternSelect.Portal.Features.Inspections.Lots;
using EasternSelect.Portal.Features.Inspections.Quality;
using EasternSelect.Portal.Features.Inspections.Samples;
using EasternSelect.Portal.Features.Inspections.Specs;
using EasternSelect.Portal.Features.Inspections.SpotChecks;

namespace EasternSelect.Portal.Features.Inspections;

public static class InspectionsRegistration
{
    /// <summary>/inspections/*: specs, incoming lots, quality figures, sample pre-inspections, spot checks, factory audits.</summary>
    public static IServiceCollection AddInspections(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IncomingLotOptions>(configuration.GetSection(IncomingLotOptions.Section));
        services.Configure<SpotCheckRuleSettings>(configuration.GetSection("Inspections:SpotChecks"));
        services.AddScoped<InspectionSpecService>();
        services.AddScoped<IncomingLotService>();
        services.AddScoped<LotReceivingService>();
        services.AddScoped<LotDecisionService>();
        services.AddScoped<CorrectiveActionService>();
        services.AddScoped<InspectionStreamService>();
        services.AddScoped<QualityFiguresService>();
        services.AddScoped<InspectionFileService>();
        services.AddScoped<SampleInspectionService>();
        services.AddScoped<RecognisedLabService>();
        services.AddScoped<SpotCheckService>();
        services.AddScoped<ProductFlagService>();
        services.AddScoped<FactoryAuditService>();
        return services;
    }
}
