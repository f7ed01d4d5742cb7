using EasternSelect.Domain.Files;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace EasternSelect.Portal.Features.Files;

/// <summary>
/// The one download family for stored files: /files/{record kind}/{record id}/{file id}. The route's policy answers 403
/// before any lookup (so a refused role learns nothing); within it, anything not served is 404.
/// </summary>
public static class FileEndpoints
{
    /// <summary>Only these are shown by the browser itself; everything else is downloaded, never rendered.</summary>
    private static readonly HashSet<string> InlineTypes = ["image/png", "image/jpeg", "application/pdf"];

    public static void MapFileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var files = endpoints.MapGroup("/files");
        files.MapGet("/complaints/{caseId:int}/{fileId:int}", (HttpContext http, [FromServices] FileDownloadService service, int caseId, int fileId, CancellationToken ct) =>
            ServeAsync(http, service.ComplaintAsync(caseId, fileId, ct))).RequireAuthorization(Policies.Complaints);
        files.MapGet("/grievances/{caseId:int}/{fileId:int}", (HttpContext http, [FromServices] FileDownloadService service, int caseId, int fileId, CancellationToken ct) =>
            ServeAsync(http, service.GrievanceAsync(caseId, fileId, ct))).RequireAuthorization(Policies.Grievances);
        files.MapGet("/reviews/{reviewId:int}/{fileId:int}", (HttpContext http, [FromServices] FileDownloadService service, int reviewId, int fileId, CancellationToken ct) =>
            ServeAsync(http, service.ReviewAsync(reviewId, fileId, ct))).RequireAuthorization(Policies.QualificationReview);
        files.MapGet("/suppliers/{supplierId:int}/contract", (HttpContext http, [FromServices] FileDownloadService service, int supplierId, CancellationToken ct) =>
            ServeAsync(http, service.ContractAsync(supplierId, ct))).RequireAuthorization(Policies.SupplierRegistry);
        files.MapGet("/inspections/{fileId:int}", (HttpContext http, [FromServices] FileDownloadService service, int fileId, CancellationToken ct) =>
            ServeAsync(http, service.InspectionAsync(fileId, ct))).RequireAuthorization(Policies.Inspections);
    }

    /// <summary>Writes the file with headers that keep it from running as a page of the portal.</summary>
    public static async Task<IResult> ServeAsync(HttpContext http, Task<FileDownload?> download)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(download);
        if (await download is not { } file)
        {
            return TypedResults.NotFound();
        }

        // The stored type came from the bytes at upload; checked again, as rows older than that check exist.
        var inline = InlineTypes.Contains(file.ContentType) && FileSignature.Detect(file.Content) is { } detected
            && StoredFile.AllowedTypes[detected] == file.ContentType;
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(file.FileName);
        var headers = http.Response.Headers;
        headers.ContentDisposition = disposition.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "sandbox";
        headers.CacheControl = "private, no-store";
        return TypedResults.File(file.Content, inline ? file.ContentType : "application/octet-stream");
    }
}
