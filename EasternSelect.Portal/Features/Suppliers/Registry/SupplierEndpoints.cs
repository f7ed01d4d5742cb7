using EasternSelect.Domain.Suppliers;
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

        endpoints.MapGet("/suppliers/{id:int}/contract", async Task<IResult> ([FromServices] SupplierDetailService details, int id, CancellationToken ct) =>
            await details.ContractAsync(id, ct) is { } file
                ? TypedResults.File(file.Content, file.ContentType, file.FileName)
                : TypedResults.NotFound())
            .RequireAuthorization(Policies.SupplierRegistry);
    }
}
