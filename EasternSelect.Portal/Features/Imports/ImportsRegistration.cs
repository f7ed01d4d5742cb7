using EasternSelect.Portal.Features.Imports.OperatingData;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace EasternSelect.Portal.Features.Imports;

public static class ImportsRegistration
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>/imports/*: data from the order system.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddScoped<OperatingDataImportService>();
        return services;
    }

    public static void MapImportEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/imports/operating-data/template.xlsx", async ([FromServices] OperatingDataImportService import) =>
            TypedResults.File(await import.TemplateAsync(), XlsxType, "operating-data-template.xlsx"))
            .RequireAuthorization(Policies.OperatingDataImport);
}
