using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Features.Files;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace EasternSelect.Portal.Features.Suppliers.Registry;

/// <summary>File downloads of the registry: the Excel export and template, and a supplier's signed contract.</summary>
public static class SupplierEndpoints
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapSupplierEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/suppliers/export.xlsx", async (
            [FromServices] SupplierExcelService excel, [FromQuery] string? search, [FromQuery] SupplierCategory? category, [FromQuery] SupplierStatus? status, CancellationToken ct) =>
        {
            var bytes = await excel.ExportAsync(new SupplierQuery(search, category, status, SupplierSort.Name, false, 0, SupplierListService.MaxPageSize), ct);
            return TypedResults.File(bytes, XlsxType, "suppliers.xlsx");
        }).RequireAuthorization(Policies.SupplierRegistry);

        endpoints.MapGet("/suppliers/import-template.xlsx", async ([FromServices] SupplierExcelService excel) =>
            TypedResults.File(await excel.TemplateAsync(), XlsxType, "supplier-import-template.xlsx"))
            .RequireAuthorization(Policies.SupplierManage);

        // The older address of the contract; served like every stored file (FileEndpoints: headers, audit).
        endpoints.MapGet("/suppliers/{id:int}/contract", (HttpContext http, [FromServices] FileDownloadService files, int id, CancellationToken ct) =>
            FileEndpoints.ServeAsync(http, files.ContractAsync(id, ct)))
            .RequireAuthorization(Policies.SupplierRegistry);
    }
}
