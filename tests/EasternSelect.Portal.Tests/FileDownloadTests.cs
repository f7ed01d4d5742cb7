using System.Globalization;
using System.Net;
using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Casework.Complaints;
using EasternSelect.Portal.Features.Casework.Grievances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests;

/// <summary>Issue 14 item 6 and issue 16: stored files open again, only for those who may see their record, safely and audited.</summary>
public sealed class FileDownloadTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Range(0, 200).Select(i => (byte)(i * 13 % 256))];

    private static readonly byte[] Html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"u8.ToArray();

    private IServiceProvider Services => fixture.Factory.Services;

    [Fact]
    public async Task ComplaintAttachment_AsCxAgent_ServedInlineWithSafeHeadersAndAudited()
    {
        var (caseId, fileId) = await ComplaintWithFileAsync(major: false, "客訴照片.png", Png);
        using var client = await fixture.Factory.SignedInClientAsync("cx.agent@demo.local");

        using var response = await client.GetAsync(Url("complaints", caseId, fileId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("inline", disposition.DispositionType);
        Assert.Equal("\"客訴照片.png\"", disposition.FileNameStar is null ? null : $"\"{disposition.FileNameStar}\"");
        Assert.Contains("filename*=UTF-8''%E5%AE%A2%E8%A8%B4%E7%85%A7%E7%89%87.png", disposition.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        await using var db = Database();
        var audit = await db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == AuditAction.Download && a.EntityKey == fileId.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("cx.agent@demo.local", audit.UserName);
        Assert.Equal("StoredFile", audit.EntityType);
        Assert.Equal($"Complaint {caseId}", audit.Detail);
    }

    [Fact]
    public async Task ComplaintAttachment_AsMerchandiser_ForbiddenWhetherTheFileExistsOrNot()
    {
        var (caseId, fileId) = await ComplaintWithFileAsync(major: false, "a.png", Png);
        using var client = await fixture.Factory.SignedInClientAsync("merchandiser@demo.local");

        using var existing = await client.GetAsync(Url("complaints", caseId, fileId));
        using var unknown = await client.GetAsync(Url("complaints", 999_999, 999_999));

        Assert.Equal(HttpStatusCode.Forbidden, existing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
        Assert.NotEqual("image/png", existing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ComplaintAttachment_ThroughAnotherComplaintOrUnknownId_NotFound()
    {
        var (_, fileId) = await ComplaintWithFileAsync(major: false, "a.png", Png);
        var (otherCase, _) = await ComplaintWithFileAsync(major: false, "b.png", Png);
        using var client = await fixture.Factory.SignedInClientAsync("cx.agent@demo.local");

        using var wrongCase = await client.GetAsync(Url("complaints", otherCase, fileId));
        using var unknown = await client.GetAsync(Url("complaints", otherCase, 999_999));

        Assert.Equal(HttpStatusCode.NotFound, wrongCase.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task MajorComplaintAttachment_OnlyTheMajorCaseTeamOpensIt()
    {
        var (caseId, fileId) = await ComplaintWithFileAsync(major: true, "傷害照片.png", Png);
        using var agent = await fixture.Factory.SignedInClientAsync("cx.agent@demo.local");
        using var team = await fixture.Factory.SignedInClientAsync("major.case@demo.local");

        using var refused = await agent.GetAsync(Url("complaints", caseId, fileId));
        using var served = await team.GetAsync(Url("complaints", caseId, fileId));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task GrievanceAttachment_ProtectedComplainant_RefusedToOfficerServedToHead()
    {
        var (caseId, fileId) = await GrievanceWithFileAsync("申訴證據.png", Png);
        using var officer = await fixture.Factory.SignedInClientAsync("supplier.officer@demo.local");
        using var head = await fixture.Factory.SignedInClientAsync("supplier.head@demo.local");
        using var auditor = await fixture.Factory.SignedInClientAsync("auditor@demo.local");

        using var officerResponse = await officer.GetAsync(Url("grievances", caseId, fileId));
        using var auditorResponse = await auditor.GetAsync(Url("grievances", caseId, fileId));
        using var headResponse = await head.GetAsync(Url("grievances", caseId, fileId));

        Assert.Equal(HttpStatusCode.NotFound, officerResponse.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, auditorResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, headResponse.StatusCode);
        Assert.Equal(Png, await headResponse.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GrievanceDetail_AsOfficer_ListsNoAttachments()
    {
        var (caseId, _) = await GrievanceWithFileAsync("申訴證據.png", Png);
        await using var officer = TestScopes.As(Services, Roles.SupplierOfficer, out GrievanceService officerService);
        await using var head = TestScopes.As(Services, Roles.SupplierHead, out GrievanceService headService);

        var hidden = await officerService.GetAsync(caseId, CancellationToken.None);
        var shown = await headService.GetAsync(caseId, CancellationToken.None);

        Assert.Empty(hidden!.Attachments);
        Assert.Single(shown!.Attachments);
    }

    [Fact]
    public async Task OldRowWithHtmlContent_ServedAsOctetStreamAttachment()
    {
        // A row stored before uploads were checked by content: its claimed type is not trusted.
        var (caseId, fileId) = await ComplaintWithFileAsync(major: false, "invoice.pdf", Html, trustedBuilder: false);
        using var client = await fixture.Factory.SignedInClientAsync("cx.agent@demo.local");

        using var response = await client.GetAsync(Url("complaints", caseId, fileId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task AttachToComplaint_ThroughCasework_NoAuditRowHoldsTheBytesOrTheName()
    {
        var (caseId, _) = await ComplaintWithFileAsync(major: false, "a.png", Png, assignee: "cx-files");
        var name = $"王小明診斷書-{Guid.NewGuid():N}.png";
        await using (var scope = TestScopes.As(Services, Roles.CxAgent, out ComplaintCasework casework, "cx-files"))
        {
            var result = await casework.AttachAsync(caseId, name, Png.Length, new MemoryStream(Png), CancellationToken.None);
            Assert.True(result.Succeeded, string.Join(",", result.Errors));
        }

        await using var db = Database();
        var log = await db.AuditEntries.AsNoTracking().Select(a => (a.Changes ?? "") + "|" + (a.Detail ?? "")).ToListAsync();
        Assert.DoesNotContain(log, row => row.Contains(Convert.ToBase64String(Png), StringComparison.Ordinal));
        Assert.DoesNotContain(log, row => row.Contains(name, StringComparison.Ordinal) || row.Contains("王小明診斷書", StringComparison.Ordinal));
    }

    private static Uri Url(string kind, int recordId, int fileId) =>
        new(string.Create(CultureInfo.InvariantCulture, $"/files/{kind}/{recordId}/{fileId}"), UriKind.Relative);

    private PortalDbContext Database() => Services.GetRequiredService<PortalDatabase>().Create(AuditActor.System);

    private async Task<(int CaseId, int FileId)> ComplaintWithFileAsync(bool major, string fileName, byte[] content, bool trustedBuilder = true, string? assignee = null)
    {
        await using var db = Database();
        var now = DateTime.UtcNow;
        var file = trustedBuilder
            ? StoredFileBuilder.Build(fileName, content, FileRule.Document, "test", now).File!
            : new StoredFile { FileName = fileName, ContentType = "application/pdf", Length = content.Length, Sha256 = "legacy", Content = content, UploadedBy = "test", UploadedUtc = now };
        db.Files.Add(file);
        var by = new CaseActor(null, "test");
        var complaint = new Complaint
        {
            Channel = default,
            CustomerName = "陳美玲",
            CustomerPhone = "0912345678",
            Description = "商品破損",
            CategoryId = await db.ComplaintCategories.Select(c => c.Id).FirstAsync(),
        };
        complaint.Open("CF" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), now, now.AddDays(7), null, by);
        if (major)
        {
            complaint.MarkMajor(MajorCaseReason.PersonalInjury, false, by, now);
        }

        if (assignee is not null)
        {
            complaint.Assign(new CaseActor(assignee, assignee), by, now);
        }

        db.Complaints.Add(complaint);
        await db.SaveChangesAsync();
        complaint.Attach(file.Id, file.FileName, file.Length, by, now);
        await db.SaveChangesAsync();
        return (complaint.Id, file.Id);
    }

    private async Task<(int CaseId, int FileId)> GrievanceWithFileAsync(string fileName, byte[] content)
    {
        await using var db = Database();
        var now = DateTime.UtcNow;
        var file = StoredFileBuilder.Build(fileName, content, FileRule.Document, "test", now).File!;
        db.Files.Add(file);
        var by = new CaseActor(null, "test");
        var grievance = new Grievance
        {
            Topic = GrievanceTopic.PaymentsFees,
            Source = GrievanceSource.Officer,
            Subject = "貨款延遲",
            Description = "貨款延遲三個月",
            CompanyName = "好品質食品有限公司",
            ContactName = "林美華",
        };
        grievance.Open("GF" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), now, now.AddDays(14), null, by);
        db.Grievances.Add(grievance);
        await db.SaveChangesAsync();
        grievance.Attach(file.Id, file.FileName, file.Length, by, now);
        await db.SaveChangesAsync();
        return (grievance.Id, file.Id);
    }
}
