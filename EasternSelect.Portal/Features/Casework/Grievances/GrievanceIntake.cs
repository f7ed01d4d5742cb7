using System.ComponentModel.DataAnnotations;
using System.Globalization;
using EasternSelect.Data;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Casework.Grievances;

/// <summary>Grievance intake (明白講): the supplier's public form and its status check, and an officer recording a grievance by hand.</summary>
public sealed class GrievanceIntake(
    IDbContextFactory<PortalDbContext> contexts,
    PolicyGuard guard,
    CurrentUser currentUser,
    CaseworkSettings settings,
    TimeProvider time)
{
    /// <summary>Files a grievance from the public form (the portal's only anonymous write path). The receipt's token is shown once.</summary>
    public async Task<GrievanceSubmission> SubmitPublicAsync(GrievanceForm form, IReadOnlyList<UploadedFile> files, CancellationToken ct)
    {
        var errors = Validate(form);
        if (files.Count > CaseFiles.MaxPublicFiles)
        {
            errors.Add("Grievance.Error.TooManyFiles");
        }

        foreach (var file in files)
        {
            if (CaseFiles.Check(file.FileName, file.Length) is { } error)
            {
                errors.Add(error);
            }
        }

        if (errors.Count > 0)
        {
            return new GrievanceSubmission(Result.Fail(errors.Distinct()), null);
        }

        var by = new CaseActor(null, form.Anonymous ? "匿名供應商" : "供應商");
        var (token, hash) = Grievance.NewToken();
        var (result, number) = await CreateAsync(form, GrievanceSource.PublicForm, hash, files, by, ct);
        if (result.Errors.Contains(TransientRetry.BusyKey))
        {
            // The public form cannot keep chosen files across a post, so its message says to choose them again.
            result = Result.Fail("Grievance.Error.Busy");
        }

        return new GrievanceSubmission(result, number is null ? null : new GrievanceReceipt(number, token));
    }

    /// <summary>The status a supplier sees with its number and token; null when either is wrong (the same answer for both).</summary>
    public async Task<GrievanceStatusView?> StatusAsync(string? number, string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(token) || number.Length > 20 || token.Length > 100)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var g = await db.Grievances.AsNoTracking().Where(x => x.Number == number.Trim().ToUpperInvariant())
            .Select(x => new { x.Number, x.Topic, x.Status, x.OpenedUtc, x.LastActivityUtc, x.Outcome, x.TokenHash }).SingleOrDefaultAsync(ct);
        if (g is null || !new Grievance { TokenHash = g.TokenHash }.TokenMatches(token))
        {
            return null;
        }

        return new GrievanceStatusView(g.Number, g.Topic, g.Status, g.OpenedUtc, g.LastActivityUtc, g.Status == CaseStatus.Closed ? g.Outcome : null);
    }

    /// <summary>An officer records a grievance received by phone, visit or letter.</summary>
    public async Task<Result> RecordAsync(GrievanceForm form, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.GrievanceIntake);
        var errors = Validate(form);
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        return (await CreateAsync(form, GrievanceSource.Officer, null, [], currentUser.Actor(), ct)).Result;
    }

    private async Task<(Result Result, string? Number)> CreateAsync(
        GrievanceForm form, GrievanceSource source, string? tokenHash, IReadOnlyList<UploadedFile> files, CaseActor by, CancellationToken ct)
    {
        var now = Now();
        var stored = new List<StoredFile>();
        foreach (var file in files)
        {
            var (read, error) = await CaseFiles.ReadAsync(file.FileName, file.Length, file.Content, by.Name, now, ct);
            if (read is null)
            {
                return (Result.Fail(error!), null);
            }

            stored.Add(read);
        }

        // A busy database is tried once more with fresh entities: the failed try's transaction left nothing behind.
        return await TransientRetry.RunAsync(
            () => SaveAsync(form, source, tokenHash, [.. stored.Select(Copy)], by, now, ct),
            () => (Result.Fail(TransientRetry.BusyKey), (string?)null),
            ct);
    }

    private async Task<(Result Result, string? Number)> SaveAsync(
        GrievanceForm form, GrievanceSource source, string? tokenHash, List<StoredFile> stored, CaseActor by, DateTime now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var grievance = new Grievance
        {
            Topic = form.Topic,
            Source = source,
            Subject = form.Subject.Trim(),
            Description = form.Description.Trim(),
            Anonymous = form.Anonymous,
            CompanyName = form.Anonymous ? null : Trim(form.CompanyName),
            ContactName = form.Anonymous ? null : Trim(form.ContactName),
            ContactPhone = form.Anonymous ? null : Trim(form.ContactPhone),
            ContactEmail = form.Anonymous ? null : Trim(form.ContactEmail),
            TokenHash = tokenHash,
        };
        grievance.Open(await NextNumberAsync(db, now, ct), now, settings.Sla.ClosureDue(now, settings.Calendar), null, by);
        db.Grievances.Add(grievance);
        await CaseFiles.SaveWithFilesAsync(db, stored, () =>
        {
            foreach (var file in stored)
            {
                grievance.Attach(file.Id, file.FileName, file.Length, by, now);
            }

            var link = "/grievances/" + grievance.Id.ToString(CultureInfo.InvariantCulture);
            foreach (var role in new[] { Roles.SupplierHead, Roles.Executive, Roles.SupplierOfficer })
            {
                db.Notifications.Add(NotificationService.ForRole(role, "Notification.GrievanceNew", grievance.Number, link, now));
            }
        }, ct);
        return (Result.Ok(grievance.Id), grievance.Number);
    }

    private static StoredFile Copy(StoredFile file) => new()
    {
        FileName = file.FileName,
        ContentType = file.ContentType,
        Length = file.Length,
        Sha256 = file.Sha256,
        Content = file.Content,
        UploadedBy = file.UploadedBy,
        UploadedUtc = file.UploadedUtc,
    };

    private static List<string> Validate(GrievanceForm form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? "Validation.Required").ToList();
    }

    private static async Task<string> NextNumberAsync(PortalDbContext db, DateTime now, CancellationToken ct)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"G{TaiwanTime.YearOf(now)}-");
        var last = await db.Grievances.Where(c => c.Number.StartsWith(prefix)).MaxAsync(c => (string?)c.Number, ct);
        var next = last is null ? 1 : int.Parse(last[prefix.Length..], CultureInfo.InvariantCulture) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{next:D4}");
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
