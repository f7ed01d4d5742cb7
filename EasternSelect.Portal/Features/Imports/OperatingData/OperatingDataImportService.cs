using System.Globalization;
using ClosedXML.Excel;
using EasternSelect.Data;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Operations;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Imports.OperatingData;

/// <summary>One row's problem: the sheet (1 = product months, 2 = supplier years), its row number and an error key ("Key" or "Key|detail").</summary>
public sealed record OperatingImportRowError(int Sheet, int Row, string Error);

/// <summary>An import's outcome: all rows stored, or none and every row error listed.</summary>
public sealed record OperatingImportOutcome(Result Result, IReadOnlyList<OperatingImportRowError> RowErrors, int ProductRows, int SupplierRows, int Replaced);

/// <summary>
/// The order system's monthly operating data as Excel: sheet 1 per product and month (units shipped, returned for a quality
/// reason, returned for another reason, sold), sheet 2 per supplier and year (transaction volume, local procurement).
/// All or nothing: every row is checked first, then one SaveChanges replaces the months and supplier-years in the file
/// and writes one audit entry per month and year (who, when, rows, replaced).
/// </summary>
public sealed class OperatingDataImportService(
    IDbContextFactory<PortalDbContext> contexts,
    PolicyGuard guard,
    CurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    public const long MaxImportBytes = 20 * 1024 * 1024;
    public const int MaxImportRows = 200_000;

    /// <summary>The columns of sheet 1 (header keys).</summary>
    public static readonly string[] ProductColumns =
        ["OperatingImport.Col.ProductCode", "OperatingImport.Col.Year", "OperatingImport.Col.Month", "OperatingImport.Col.Shipped", "OperatingImport.Col.ReturnedQuality", "OperatingImport.Col.ReturnedOther", "OperatingImport.Col.Sold"];

    /// <summary>The columns of sheet 2 (header keys).</summary>
    public static readonly string[] SupplierColumns =
        ["OperatingImport.Col.TaxId", "OperatingImport.Col.Year", "OperatingImport.Col.Volume", "OperatingImport.Col.Local"];

    private static readonly string[] Yes = ["Y", "YES", "TRUE", "1", "是", "本地", "本地採購"];
    private static readonly string[] No = ["N", "NO", "FALSE", "0", "否", "國外", "海外"];

    private sealed record ProductRow(int Row, string Code, int Year, int Month, int Shipped, int ReturnedQuality, int ReturnedOther, int Sold);

    private sealed record SupplierRow(int Row, string TaxId, int Year, decimal Volume, bool IsLocal);

    public async Task<byte[]> TemplateAsync()
    {
        await guard.EnsureAsync(Policies.OperatingDataImport);
        using var workbook = new XLWorkbook();
        var products = workbook.AddWorksheet(l["OperatingImport.ProductSheet"]);
        WriteHeader(products, ProductColumns, [18, 8, 6, 12, 14, 14, 12]);
        object[] productExample = ["P000001", 2026, 1, 400, 6, 10, 380];
        WriteRow(products, 2, productExample);
        products.Column(1).Style.NumberFormat.Format = "@";
        var suppliers = workbook.AddWorksheet(l["OperatingImport.SupplierSheet"]);
        WriteHeader(suppliers, SupplierColumns, [12, 8, 18, 12]);
        object[] supplierExample = ["04595257", 2026, 12_000_000, "Y"];
        WriteRow(suppliers, 2, supplierExample);
        suppliers.Column(1).Style.NumberFormat.Format = "@";
        var notes = workbook.AddWorksheet(l["OperatingImport.NotesSheet"]);
        notes.Column(1).Width = 100;
        notes.Cell(1, 1).Value = l["OperatingImport.Notes"].Value;
        notes.Cell(1, 1).Style.Alignment.WrapText = true;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public async Task<OperatingImportOutcome> ImportAsync(Stream content, string fileName, long length, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.OperatingDataImport);
        ArgumentNullException.ThrowIfNull(content);
        if (!string.Equals(Path.GetExtension(fileName), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("OperatingImport.NotXlsx");
        }

        if (length <= 0 || length > MaxImportBytes)
        {
            return Fail("OperatingImport.TooLargeFile");
        }

        var today = clock.TaipeiToday();
        var errors = new List<OperatingImportRowError>();
        List<ProductRow> productRows;
        List<SupplierRow> supplierRows;
        try
        {
            using var workbook = new XLWorkbook(content);
            var sheets = workbook.Worksheets.ToList();
            productRows = ParseProducts(sheets[0], today, errors);
            supplierRows = sheets.Count > 1 && !IsNotes(sheets[1]) ? ParseSuppliers(sheets[1], today, errors) : [];
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or ArgumentException or InvalidOperationException or System.Xml.XmlException)
        {
            return Fail("OperatingImport.Unreadable");
        }

        if (productRows.Count == 0 && supplierRows.Count == 0 && errors.Count == 0)
        {
            return Fail("OperatingImport.Empty");
        }

        if (productRows.Count + supplierRows.Count > MaxImportRows)
        {
            return Fail("OperatingImport.TooManyRows");
        }

        foreach (var group in productRows.GroupBy(r => (r.Code, r.Year, r.Month)).Where(g => g.Count() > 1))
        {
            var first = group.First().Row.ToString(CultureInfo.InvariantCulture);
            errors.AddRange(group.Skip(1).Select(r => new OperatingImportRowError(1, r.Row, "OperatingImport.Duplicate|" + first)));
        }

        foreach (var group in supplierRows.GroupBy(r => (r.TaxId, r.Year)).Where(g => g.Count() > 1))
        {
            var first = group.First().Row.ToString(CultureInfo.InvariantCulture);
            errors.AddRange(group.Skip(1).Select(r => new OperatingImportRowError(2, r.Row, "OperatingImport.Duplicate|" + first)));
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var productIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in productRows.Select(r => r.Code).Distinct(StringComparer.OrdinalIgnoreCase).Chunk(500))
        {
            foreach (var p in await db.Products.AsNoTracking().Where(p => chunk.Contains(p.Sku)).Select(p => new { p.Sku, p.Id }).ToListAsync(ct))
            {
                productIds[p.Sku] = p.Id;
            }
        }

        var supplierIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in supplierRows.Select(r => r.TaxId).Distinct().Chunk(500))
        {
            foreach (var s in await db.Suppliers.AsNoTracking().Where(s => chunk.Contains(s.TaxId)).Select(s => new { s.TaxId, s.Id }).ToListAsync(ct))
            {
                supplierIds[s.TaxId] = s.Id;
            }
        }

        errors.AddRange(productRows.Where(r => r.Code.Length > 0 && !productIds.ContainsKey(r.Code)).Select(r => new OperatingImportRowError(1, r.Row, "OperatingImport.UnknownProduct|" + r.Code)));
        errors.AddRange(supplierRows.Where(r => r.TaxId.Length > 0 && !supplierIds.ContainsKey(r.TaxId)).Select(r => new OperatingImportRowError(2, r.Row, "OperatingImport.UnknownSupplier|" + r.TaxId)));
        if (errors.Count > 0)
        {
            return new OperatingImportOutcome(Result.Fail("OperatingImport.RowsRejected"), [.. errors.OrderBy(e => e.Sheet).ThenBy(e => e.Row)], 0, 0, 0);
        }

        // One audit entry per month and per year says who replaced what; per-row entries would drown the log.
        db.AuditSuppressed = true;
        var actor = currentUser.Actor;
        var now = clock.GetUtcNow().UtcDateTime;
        var replaced = 0;
        foreach (var month in productRows.GroupBy(r => new DateOnly(r.Year, r.Month, 1)).OrderBy(g => g.Key))
        {
            var existing = await db.ProductMonthlyOperatingData.Where(d => d.Month == month.Key).ToListAsync(ct);
            db.ProductMonthlyOperatingData.RemoveRange(existing);
            db.ProductMonthlyOperatingData.AddRange(month.Select(r => new ProductMonthlyOperatingData
            {
                ProductId = productIds[r.Code], Month = month.Key, UnitsShipped = r.Shipped, UnitsReturnedQuality = r.ReturnedQuality,
                UnitsReturnedOther = r.ReturnedOther, UnitsSold = r.Sold,
            }));
            replaced += existing.Count;
            db.AuditEntries.Add(Audit(actor, now, existing.Count == 0 ? AuditAction.Create : AuditAction.Update, nameof(ProductMonthlyOperatingData),
                month.Key.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"Imported {month.Count()} product rows from {fileName}; replaced {existing.Count}.")));
        }

        foreach (var year in supplierRows.GroupBy(r => r.Year).OrderBy(g => g.Key))
        {
            var ids = year.Select(r => supplierIds[r.TaxId]).ToList();
            var existing = await db.SupplierYearlyVolumes.Where(v => v.Year == year.Key && ids.Contains(v.SupplierId)).ToListAsync(ct);
            db.SupplierYearlyVolumes.RemoveRange(existing);
            db.SupplierYearlyVolumes.AddRange(year.Select(r => new SupplierYearlyVolume { SupplierId = supplierIds[r.TaxId], Year = r.Year, TransactionVolume = r.Volume, IsLocal = r.IsLocal }));
            replaced += existing.Count;
            db.AuditEntries.Add(Audit(actor, now, existing.Count == 0 ? AuditAction.Create : AuditAction.Update, nameof(SupplierYearlyVolume),
                year.Key.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"Imported {year.Count()} supplier rows from {fileName}; replaced {existing.Count}.")));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another import of the same month saved first: nothing of this one was stored.
            return new OperatingImportOutcome(Result.Conflicted(), [], 0, 0, 0);
        }

        return new OperatingImportOutcome(Result.Ok(), [], productRows.Count, supplierRows.Count, replaced);
    }

    private List<ProductRow> ParseProducts(IXLWorksheet sheet, DateOnly today, List<OperatingImportRowError> errors)
    {
        var result = new List<ProductRow>();
        var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
        for (var r = 2; r <= last; r++)
        {
            var row = sheet.Row(r);
            if (Enumerable.Range(1, ProductColumns.Length).All(c => Text(row.Cell(c)).Length == 0))
            {
                continue;
            }

            var rowErrors = new List<string>();
            var code = Text(row.Cell(1));
            if (code.Length == 0)
            {
                rowErrors.Add("OperatingImport.Missing|" + (string)l[ProductColumns[0]]);
            }

            var numbers = Enumerable.Range(2, 6).Select(c => Whole(row.Cell(c), ProductColumns[c - 1], rowErrors)).ToArray();
            if (numbers.All(n => n is not null))
            {
                rowErrors.AddRange(OperatingDataRules.CheckProductMonth((int)Math.Clamp(numbers[0]!.Value, int.MinValue, int.MaxValue), (int)Math.Clamp(numbers[1]!.Value, int.MinValue, int.MaxValue),
                    numbers[2]!.Value, numbers[3]!.Value, numbers[4]!.Value, numbers[5]!.Value, today));
            }

            errors.AddRange(rowErrors.Select(e => new OperatingImportRowError(1, r, e)));
            if (rowErrors.Count == 0)
            {
                result.Add(new ProductRow(r, code, (int)numbers[0]!.Value, (int)numbers[1]!.Value, (int)numbers[2]!.Value, (int)numbers[3]!.Value, (int)numbers[4]!.Value, (int)numbers[5]!.Value));
            }
        }

        return result;
    }

    private List<SupplierRow> ParseSuppliers(IXLWorksheet sheet, DateOnly today, List<OperatingImportRowError> errors)
    {
        var result = new List<SupplierRow>();
        var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
        for (var r = 2; r <= last; r++)
        {
            var row = sheet.Row(r);
            if (Enumerable.Range(1, SupplierColumns.Length).All(c => Text(row.Cell(c)).Length == 0))
            {
                continue;
            }

            var rowErrors = new List<string>();
            var taxId = Text(row.Cell(1));
            if (row.Cell(1).DataType == XLDataType.Number && taxId.All(char.IsAsciiDigit))
            {
                // Excel drops a typed tax ID's leading zero.
                taxId = taxId.PadLeft(8, '0');
            }

            if (taxId.Length == 0)
            {
                rowErrors.Add("OperatingImport.Missing|" + (string)l[SupplierColumns[0]]);
            }

            var year = Whole(row.Cell(2), SupplierColumns[1], rowErrors);
            decimal? volume = null;
            var volumeText = Text(row.Cell(3));
            if (volumeText.Length == 0)
            {
                rowErrors.Add("OperatingImport.Missing|" + (string)l[SupplierColumns[2]]);
            }
            else if (row.Cell(3).TryGetValue<decimal>(out var v) || decimal.TryParse(volumeText, NumberStyles.Number, CultureInfo.InvariantCulture, out v))
            {
                volume = v;
            }
            else
            {
                rowErrors.Add("OperatingImport.NotANumber|" + (string)l[SupplierColumns[2]]);
            }

            var localText = Text(row.Cell(4)).ToUpperInvariant();
            bool? local = Yes.Contains(localText) ? true : No.Contains(localText) ? false : null;
            if (local is null)
            {
                rowErrors.Add("OperatingImport.LocalInvalid");
            }

            if (year is { } y && volume is { } amount)
            {
                rowErrors.AddRange(OperatingDataRules.CheckSupplierYear((int)Math.Clamp(y, int.MinValue, int.MaxValue), amount, today));
            }

            errors.AddRange(rowErrors.Select(e => new OperatingImportRowError(2, r, e)));
            if (rowErrors.Count == 0)
            {
                result.Add(new SupplierRow(r, taxId, (int)year!.Value, volume!.Value, local!.Value));
            }
        }

        return result;
    }

    /// <summary>A whole number (negative allowed here: the rules say why it is refused); null and an error when missing or not whole.</summary>
    private long? Whole(IXLCell cell, string columnKey, List<string> rowErrors)
    {
        var text = Text(cell);
        if (text.Length == 0)
        {
            rowErrors.Add("OperatingImport.Missing|" + (string)l[columnKey]);
            return null;
        }

        if (cell.DataType == XLDataType.Number && cell.TryGetValue<double>(out var number) && number == Math.Floor(number) && Math.Abs(number) < 1e15)
        {
            return (long)number;
        }

        if (long.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        rowErrors.Add("OperatingImport.NotAWholeNumber|" + (string)l[columnKey]);
        return null;
    }

    private static string Text(IXLCell cell) => cell.GetFormattedString().Trim();

    private bool IsNotes(IXLWorksheet sheet) => sheet.Name == l["OperatingImport.NotesSheet"];

    private static AuditEntry Audit(Data.Auditing.AuditActor actor, DateTime now, AuditAction action, string subject, string key, string detail) => new()
    {
        OccurredUtc = now, UserId = actor.UserId, UserName = actor.UserName, IpAddress = actor.IpAddress, Action = action,
        EntityType = subject, EntityKey = key, Detail = detail,
    };

    private static OperatingImportOutcome Fail(string key) => new(Result.Fail(key), [], 0, 0, 0);

    private void WriteHeader(IXLWorksheet sheet, string[] keys, double[] widths)
    {
        for (var c = 0; c < keys.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = l[keys[c]].Value;
            sheet.Column(c + 1).Width = widths[c];
        }

        var header = sheet.Range(1, 1, 1, keys.Length);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E8EEF4");
        sheet.SheetView.FreezeRows(1);
    }

    private static void WriteRow(IXLWorksheet sheet, int row, object[] values)
    {
        for (var c = 0; c < values.Length; c++)
        {
            var cell = sheet.Cell(row, c + 1);
            if (values[c] is int number)
            {
                cell.Value = number;
            }
            else
            {
                cell.SetValue(Convert.ToString(values[c], CultureInfo.InvariantCulture));
            }
        }
    }
}
