namespace EasternSelect.Portal.Features.Files;

public static class FilesRegistration
{
    /// <summary>/files: downloads of stored files through the records they belong to.</summary>
    public static IServiceCollection AddFiles(this IServiceCollection services) => services.AddScoped<FileDownloadService>();
}
