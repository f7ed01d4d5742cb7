using System.Globalization;

namespace EasternSelect.Portal.Features.Files;

/// <summary>The addresses of <see cref="FileEndpoints"/>, so pages never build them by hand.</summary>
public static class FileLinks
{
    public static string Complaint(int caseId, int fileId) => Address("complaints", caseId, fileId);

    public static string Grievance(int caseId, int fileId) => Address("grievances", caseId, fileId);

    public static string Review(int reviewId, int fileId) => Address("reviews", reviewId, fileId);

    public static string Contract(int supplierId) => string.Create(CultureInfo.InvariantCulture, $"/files/suppliers/{supplierId}/contract");

    public static string Inspection(int fileId) => string.Create(CultureInfo.InvariantCulture, $"/files/inspections/{fileId}");

    /// <summary>Photos get an inline preview; the server still decides from the bytes what it renders.</summary>
    public static bool IsImage(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() is ".png" or ".jpg" or ".jpeg";

    public static bool IsPdf(string fileName) => Path.GetExtension(fileName).Equals(".pdf", StringComparison.OrdinalIgnoreCase);

    private static string Address(string kind, int recordId, int fileId) =>
        string.Create(CultureInfo.InvariantCulture, $"/files/{kind}/{recordId}/{fileId}");
}
