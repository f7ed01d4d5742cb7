using System.Diagnostics;

namespace EasternSelect.Portal.Tests.Reports;

/// <summary>Runs poppler's pdftotext / pdfinfo / pdffonts on a PDF (poppler-utils; .ci/run installs it).</summary>
internal static class PdfText
{
    public static async Task<string> ExtractAsync(byte[] pdf, int? page = null, bool layout = false)
    {
        var args = new List<string>();
        if (page is { } p)
        {
            args.AddRange(["-f", p.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", p.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        if (layout)
        {
            args.Add("-layout");
        }

        return await RunAsync("pdftotext", pdf, [.. args, "{file}", "-"]);
    }

    public static Task<string> InfoAsync(byte[] pdf) => RunAsync("pdfinfo", pdf, ["{file}"]);

    public static Task<string> FontsAsync(byte[] pdf) => RunAsync("pdffonts", pdf, ["{file}"]);

    public static int PageCount(string info) =>
        int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> RunAsync(string tool, byte[] pdf, string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg == "{file}" ? file : arg);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {await error}");
            return await output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
