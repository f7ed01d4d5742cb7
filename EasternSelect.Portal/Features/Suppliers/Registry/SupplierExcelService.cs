using System.Globalization;
using System.Resources;
using ClosedXML.Excel;
using EasternSelect.Data;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Privacy;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Localization;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EasternSelect.Portal.Features.Suppliers.Registry;

public sealed record ImportRowError(int Row, string Message);

/// <summary>An import's outcome: either every row was imported, or none and all row errors are listed.</summary>
public sealed record ImportResult(bool Succeeded, int Imported, IReadOnlyList<ImportRowError> Errors);

/// <summary>
/// The registry as an Excel file (contacts masked) and the import of suppliers from one. An import checks
/// every row before saving anything and saves all rows in one SaveChanges (one transaction).
/// ClosedXML's AdjustToContents needs system fonts that Linux servers lack, so column widths are set here.
/// </summary>
public sealed class SupplierExcelService(
    IDbContextFactory<PortalDbContext> contexts,
    PolicyGuard guard,
    CurrentUser currentUser,
    AuditLog auditLog,
    IStringLocalizer<SharedResource> l)
{
    public const long MaxImportBytes = 5 * 1024 * 1024;
    public const int MaxImportRows = 5_000;

    private const string DateFormat = "yyyy-MM-dd";

    private static readonly ResourceManager Resources = new("EasternSelect.Portal.Resources.SharedResource", typeof(SupplierExcelService).Assembly);

    /// <summary>The import columns, in order (header keys).</summary>
    private static readonly string[] ImportColumns =
    [
        "Suppliers.Name", "Suppliers.TaxId", "Suppliers.Category", "SupplierForm.CountryCode", "SupplierForm.Address",
        "SupplierForm.ContactName", "SupplierForm.ContactPhone", "SupplierForm.ContactEmail", "SupplierForm.WarrantyMonths",
        "Suppliers.Volume", "SupplierForm.ContractSignedOn", "SupplierForm.ContractExpiresOn",
    ];

    public async Task<byte[]> ExportAsync(SupplierQuery query, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierRegistry);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await SupplierListService.Filter(db.Suppliers.AsNoTracking(), query).OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Name, s.TaxId, s.Category, s.CountryCode, s.Status, s.Tier, s.ContactName, s.ContactPhone, s.ContactEmail,
                s.WarrantyMonths, YearlyTransactionVolume = db.SupplierYearlyVolumes.Where(v => v.SupplierId == s.Id).OrderByDescending(v => v.Year).Select(v => v.TransactionVolume).FirstOrDefault(), s.ContractSignedOn, s.ContractExpiresOn,
            })
            .ToListAsync(ct);

        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(l["Suppliers.Title"]);
        string[] headers =
        [
            l["Suppliers.Name"], l["Suppliers.TaxId"], l["Suppliers.Category"], l["SupplierForm.CountryCode"], l["Suppliers.Status"], l["Suppliers.Tier"],
            l["SupplierForm.ContactName"], l["SupplierForm.ContactPhone"], l["SupplierForm.ContactEmail"], l["SupplierForm.WarrantyMonths"],
            l["Suppliers.Volume"], l["SupplierForm.ContractSignedOn"], l["SupplierForm.ContractExpiresOn"],
        ];
        double[] widths = [36, 12, 16, 8, 12, 10, 12, 16, 28, 10, 18, 14, 14];
        WriteHeader(sheet, headers, widths);
        var r = 2;
        foreach (var s in rows)
        {
            sheet.Cell(r, 1).SetValue(s.Name);
            sheet.Cell(r, 2).SetValue(s.TaxId);
            sheet.Cell(r, 3).SetValue(l["SupplierCategory." + s.Category].Value);
            sheet.Cell(r, 4).SetValue(s.CountryCode);
            sheet.Cell(r, 5).SetValue(l["SupplierStatus." + s.Status].Value);
            sheet.Cell(r, 6).SetValue(l["SupplierTier." + s.Tier].Value);
            sheet.Cell(r, 7).SetValue(PersonalDataMask.Name(s.ContactName));
            sheet.Cell(r, 8).SetValue(PersonalDataMask.Phone(s.ContactPhone));
            sheet.Cell(r, 9).SetValue(PersonalDataMask.Email(s.ContactEmail));
            sheet.Cell(r, 10).Value = s.WarrantyMonths;
            sheet.Cell(r, 11).Value = s.YearlyTransactionVolume;
            sheet.Cell(r, 11).Style.NumberFormat.Format = "#,##0";
            SetDate(sheet.Cell(r, 12), s.ContractSignedOn);
            SetDate(sheet.Cell(r, 13), s.ContractExpiresOn);
            r++;
        }

        await auditLog.WriteAsync(AuditAction.Export, currentUser.Actor, nameof(Supplier), null,
            string.Create(CultureInfo.InvariantCulture, $"suppliers.xlsx: {rows.Count} rows, contacts masked"), ct);
        return Save(workbook);
    }

    public async Task<byte[]> TemplateAsync()
    {
        await guard.EnsureAsync(Policies.SupplierManage);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(l["SupplierImport.SheetName"]);
        WriteHeader(sheet, ImportColumns.Select(k => (string)l[k]).ToArray(), [36, 12, 16, 10, 36, 12, 16, 28, 10, 18, 14, 14]);
        object[] example = ["範例股份有限公司", "04595257", l["SupplierCategory." + SupplierCategory.Food].Value, "TW", "台北市信義區松仁路100號", "王小明", "0912345678", "contact@example.com.tw", 12, 1200000, "2026-01-01", "2027-12-31"];
        for (var c = 0; c < example.Length; c++)
        {
            var cell = sheet.Cell(2, c + 1);
            if (example[c] is int number)
            {
                cell.Value = number;
            }
            else
            {
                cell.SetValue(Convert.ToString(example[c], CultureInfo.InvariantCulture));
            }
        }

        sheet.Column(2).Style.NumberFormat.Format = "@";
        sheet.Column(7).Style.NumberFormat.Format = "@";
        var notes = workbook.AddWorksheet(l["SupplierImport.NotesSheet"]);
        notes.Column(1).Width = 100;
        notes.Cell(1, 1).Value = l["SupplierImport.Notes"].Value;
        notes.Cell(1, 1).Style.Alignment.WrapText = true;
        notes.Cell(2, 1).Value = string.Join(" / ", Enum.GetValues<SupplierCategory>().Select(c => $"{Label("SupplierCategory." + c, "zh-TW")} ({c})"));
        return Save(workbook);
    }

    public async Task<ImportResult> ImportAsync(Stream content, string fileName, long length, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierManage);
        ArgumentNullException.ThrowIfNull(content);
        if (!string.Equals(Path.GetExtension(fileName), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(0, l["SupplierImport.NotXlsx"]);
        }

        if (length <= 0 || length > MaxImportBytes)
        {
            return Fail(0, l["SupplierImport.TooLarge", MaxImportBytes / 1024 / 1024]);
        }

        List<(int Row, Supplier Supplier)> parsed;
        var errors = new List<ImportRowError>();
        try
        {
            using var workbook = new XLWorkbook(content);
            var sheet = workbook.Worksheets.First();
            parsed = Parse(sheet, errors);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or ArgumentException or InvalidOperationException or System.Xml.XmlException)
        {
            return Fail(0, l["SupplierImport.Unreadable"]);
        }

        if (parsed.Count == 0 && errors.Count == 0)
        {
            return Fail(0, l["SupplierImport.Empty"]);
        }

        if (parsed.Count > MaxImportRows)
        {
            return Fail(0, l["SupplierImport.TooManyRows", MaxImportRows]);
        }

        foreach (var group in parsed.Where(p => p.Supplier.TaxId.Length > 0).GroupBy(p => p.Supplier.TaxId).Where(g => g.Count() > 1))
        {
            var rowsText = string.Join(", ", group.Select(g => g.Row.ToString(CultureInfo.InvariantCulture)));
            errors.AddRange(group.Skip(1).Select(p => new ImportRowError(p.Row, l["SupplierImport.DuplicateInFile", p.Supplier.TaxId, rowsText])));
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var taxIds = parsed.Select(p => p.Supplier.TaxId).Where(t => t.Length == 8).Distinct().ToList();
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in taxIds.Chunk(500))
        {
            existing.UnionWith(await db.Suppliers.AsNoTracking().Where(s => chunk.Contains(s.TaxId)).Select(s => s.TaxId).ToListAsync(ct));
        }

        errors.AddRange(parsed.Where(p => existing.Contains(p.Supplier.TaxId))
            .Select(p => new ImportRowError(p.Row, l["Supplier.TaxIdTaken", p.Supplier.TaxId])));
        if (errors.Count > 0)
        {
            return new ImportResult(false, 0, errors.OrderBy(e => e.Row).ToList());
        }

        db.Suppliers.AddRange(parsed.Select(p => p.Supplier));
        await db.SaveChangesAsync(ct);
        return new ImportResult(true, parsed.Count, []);
    }

    private List<(int Row, Supplier Supplier)> Parse(IXLWorksheet sheet, List<ImportRowError> errors)
    {
        var result = new List<(int, Supplier)>();
        var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
        for (var r = 2; r <= last; r++)
        {
            var row = sheet.Row(r);
            string Text(int column) => CellText(row.Cell(column), column);
            if (Enumerable.Range(1, ImportColumns.Length).All(c => Text(c).Length == 0))
            {
                continue;
            }

            var rowErrors = new List<string>();
            foreach (var required in new[] { 1, 2, 3, 4, 6, 7, 8, 9 })
            {
                if (Text(required).Length == 0)
                {
                    rowErrors.Add(l["SupplierImport.Missing", l[ImportColumns[required - 1]]]);
                }
            }

            var supplier = new Supplier
            {
                Name = Text(1),
                TaxId = Text(2),
                CountryCode = Text(4).ToUpperInvariant(),
                Address = Text(5) is { Length: > 0 } address ? address : null,
                ContactName = Text(6),
                ContactPhone = Text(7),
                ContactEmail = Text(8),
            };
            if (Text(3).Length > 0)
            {
                if (ParseCategory(Text(3)) is { } category)
                {
                    supplier.Category = category;
                }
                else
                {
                    rowErrors.Add(l["SupplierImport.CategoryUnknown", Text(3)]);
                }
            }

            if (Text(9).Length > 0)
            {
                if (row.Cell(9).TryGetValue<int>(out var warranty) || int.TryParse(Text(9), NumberStyles.Integer, CultureInfo.InvariantCulture, out warranty))
                {
                    supplier.WarrantyMonths = warranty;
                }
                else
                {
                    rowErrors.Add(l["SupplierImport.NotANumber", l[ImportColumns[8]]]);
                }
            }

            if (Text(10).Length > 0)
            {
                if (row.Cell(10).TryGetValue<decimal>(out var volume) || decimal.TryParse(Text(10), NumberStyles.Number, CultureInfo.InvariantCulture, out volume))
                {
                    supplier.YearlyTransactionVolume = volume;
                }
                else
                {
                    rowErrors.Add(l["SupplierImport.NotANumber", l[ImportColumns[9]]]);
                }
            }

            supplier.ContractSignedOn = ParseDate(row.Cell(11), 10, rowErrors);
            supplier.ContractExpiresOn = ParseDate(row.Cell(12), 11, rowErrors);

            // Missing fields are already reported above; the domain's rules cover the rest.
            rowErrors.AddRange(supplier.Validate()
                .Where(key => !(key == "Supplier.NameRequired" && supplier.Name.Length == 0) && !(key == "Supplier.TaxIdInvalid" && supplier.TaxId.Length == 0)
                    && !(key == "Supplier.CountryInvalid" && supplier.CountryCode.Length == 0))
                .Select(key => (string)l[key]));
            if (supplier.ContactPhone.Length > 0 && !PhoneFieldAttribute.Check(supplier.ContactPhone))
            {
                rowErrors.Add(l["Supplier.PhoneInvalid"]);
            }

            if (supplier.ContactEmail.Length > 0 && !new EmailFieldAttribute().IsValid(supplier.ContactEmail))
            {
                rowErrors.Add(l["Validation.Email"]);
            }

            if (supplier.Name.Length > 200 || supplier.ContactName.Length > 100 || supplier.ContactEmail.Length > 256 || (supplier.Address?.Length ?? 0) > 300)
            {
                rowErrors.Add(l["SupplierImport.TooLong"]);
            }

            errors.AddRange(rowErrors.Select(e => new ImportRowError(r, e)));
            result.Add((r, supplier));
        }

        return result;
    }

    /// <summary>Excel turns typed tax IDs and phone numbers into numbers and drops their leading zero; put it back.</summary>
    private static string CellText(IXLCell cell, int column)
    {
        var text = cell.GetFormattedString().Trim();
        if (cell.DataType != XLDataType.Number || text.Length == 0 || !text.All(char.IsAsciiDigit))
        {
            return text;
        }

        return column switch
        {
            2 => text.PadLeft(8, '0'),
            7 when text.Length == 9 => "0" + text,
            _ => text,
        };
    }

    private DateOnly? ParseDate(IXLCell cell, int column, List<string> rowErrors)
    {
        if (cell.IsEmpty())
        {
            return null;
        }

        if (cell.DataType == XLDataType.DateTime)
        {
            return DateOnly.FromDateTime(cell.GetDateTime());
        }

        var text = cell.GetFormattedString().Trim();
        if (DateOnly.TryParseExact(text, [DateFormat, "yyyy/M/d", "yyyy/MM/dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        rowErrors.Add(l["SupplierImport.NotADate", l[ImportColumns[column]]]);
        return null;
    }

    /// <summary>Accepts the zh-TW or English label or the enum name (食品, Food).</summary>
    private static SupplierCategory? ParseCategory(string text)
    {
        foreach (var category in Enum.GetValues<SupplierCategory>())
        {
            var key = "SupplierCategory." + category;
            if (string.Equals(text, category.ToString(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, Label(key, "zh-TW"), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, Label(key, "en"), StringComparison.OrdinalIgnoreCase))
            {
                return category;
            }
        }

        return null;
    }

    private static string? Label(string key, string culture) => Resources.GetString(key, CultureInfo.GetCultureInfo(culture));

    private static ImportResult Fail(int row, string message) => new(false, 0, [new ImportRowError(row, message)]);

    private static void WriteHeader(IXLWorksheet sheet, string[] headers, double[] widths)
    {
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
            sheet.Column(c + 1).Width = widths[c];
        }

        var header = sheet.Range(1, 1, 1, headers.Length);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E8EEF4");
        sheet.SheetView.FreezeRows(1);
    }

    private static void SetDate(IXLCell cell, DateOnly? date)
    {
        if (date is { } d)
        {
            cell.Value = d.ToDateTime(TimeOnly.MinValue);
            cell.Style.DateFormat.Format = DateFormat;
        }
    }

    private static byte[] Save(XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
