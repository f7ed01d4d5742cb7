using System.Net;
using System.Text;
using EasternSelect.Data;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Committees;
using EasternSelect.Domain.Security;
using EasternSelect.Portal.Features.Admin.Calendar;
using EasternSelect.Portal.Features.Casework;
using EasternSelect.Portal.Features.Committees;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EasternSelect.Portal.Tests;

/// <summary>The reference pages (calendar, complaint topics, committee members, recognised labs) against the real portal.</summary>
public sealed class ReferencePagesTests(PortalFactoryFixture fixture) : IClassFixture<PortalFactoryFixture>
{
    private readonly PortalFactory _factory = fixture.Factory;

    private IServiceProvider Services => _factory.Services;

    [Theory]
    [InlineData("cx.agent@demo.local", "/admin/calendar")]
    [InlineData("executive@demo.local", "/admin/complaint-topics")]
    [InlineData("committee@demo.local", "/committees/members")]
    [InlineData("admin@demo.local", "/committees/members")]
    [InlineData("qa.inspector@demo.local", "/inspections/labs")]
    public async Task Page_WrongRole_Returns403(string email, string path)
    {
        using var client = await _factory.SignedInClientAsync(email);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("admin@demo.local", "/admin/calendar", "calendar-days")]
    [InlineData("admin@demo.local", "/admin/complaint-topics", "topics-table")]
    [InlineData("executive@demo.local", "/committees/members", "members-Product")]
    [InlineData("qa.manager@demo.local", "/inspections/labs", "labs-table")]
    public async Task Page_OwningRole_RendersTheList(string email, string path, string testId)
    {
        using var client = await _factory.SignedInClientAsync(email);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"data-testid=\"{testId}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_ValidFile_ReplacesTheYear()
    {
        await using var scope = TestScopes.As(Services, Roles.Administrator, out BusinessCalendarService service);
        Assert.True((await service.AddAsync(new DateTime(2031, 3, 3), CalendarDayKind.DayOff, "手動加的假", CancellationToken.None)).Succeeded);
        var file = Csv(
            "西元日期,星期,是否放假,備註",
            "20310101,三,2,開國紀念日",
            "20310102,四,0,",
            "20310104,六,2,",
            "20310111,六,0,補行上班");

        var result = await service.ImportAsync(2031, "116.csv", file, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        var days = await service.YearAsync(2031, CancellationToken.None);
        Assert.Equal(
            [(new DateOnly(2031, 1, 1), CalendarDayKind.DayOff, "開國紀念日"), (new DateOnly(2031, 1, 11), CalendarDayKind.MakeUpWorkday, "補行上班")],
            days.Select(d => (d.Date, d.Kind, d.Name)).ToList());
        Assert.False(Services.GetRequiredService<CaseworkSettings>().Calendar.IsBusinessDay(new DateOnly(2031, 1, 1)));
        Assert.True(Services.GetRequiredService<CaseworkSettings>().Calendar.IsBusinessDay(new DateOnly(2031, 1, 11)));
        Assert.True(Services.GetRequiredService<CaseworkSettings>().Calendar.IsBusinessDay(new DateOnly(2031, 3, 3)));
    }

    [Fact]
    public async Task ImportAsync_OneBadRow_RejectsTheWholeFileNamingTheRow()
    {
        await using var scope = TestScopes.As(Services, Roles.Administrator, out BusinessCalendarService service);
        Assert.True((await service.AddAsync(new DateTime(2032, 5, 4), CalendarDayKind.DayOff, "既有假日", CancellationToken.None)).Succeeded);
        var file = Csv(
            "\uFEFF西元日期,星期,是否放假,備註",
            "20320101,四,2,開國紀念日",
            "20320102,五,1,",
            "20330103,一,2,",
            "20320101,四,2,重複");

        var result = await service.ImportAsync(2032, "bad.csv", file, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(["Calendar.Import.BadFlag|3", "Calendar.Import.BadDate|4", "Calendar.Import.Duplicate|5"], result.Errors);
        Assert.Equal([new DateOnly(2032, 5, 4)], (await service.YearAsync(2032, CancellationToken.None)).Select(d => d.Date).ToList());
    }

    [Fact]
    public async Task AddAsync_HolidayTheDayAfterAComplaintOpened_MovesItsResponseDeadline()
    {
        // Monday 2030-06-10 10:00 in Taipei; 24 business hours end Tuesday 10:00 unless Tuesday is a day off.
        var opened = new DateTime(2030, 6, 10, 2, 0, 0, DateTimeKind.Utc);
        var settings = Services.GetRequiredService<CaseworkSettings>();
        var before = settings.Sla.FirstResponseDue(opened, settings.Calendar);
        await using var scope = TestScopes.As(Services, Roles.Administrator, out BusinessCalendarService service);

        var result = await service.AddAsync(new DateTime(2030, 6, 11), CalendarDayKind.DayOff, "颱風假", CancellationToken.None);

        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        Assert.Equal(new DateTime(2030, 6, 11, 2, 0, 0, DateTimeKind.Utc), before);
        Assert.Equal(new DateTime(2030, 6, 12, 2, 0, 0, DateTimeKind.Utc), settings.Sla.FirstResponseDue(opened, settings.Calendar));
    }

    [Fact]
    public async Task AddAsync_WeekendAsDayOffOrMissingName_IsRefused()
    {
        await using var scope = TestScopes.As(Services, Roles.Administrator, out BusinessCalendarService service);

        var weekend = await service.AddAsync(new DateTime(2030, 6, 15), CalendarDayKind.DayOff, "週六", CancellationToken.None);
        var unnamed = await service.AddAsync(new DateTime(2030, 6, 17), CalendarDayKind.DayOff, " ", CancellationToken.None);

        Assert.Equal(["Calendar.WeekendAlreadyOff"], weekend.Errors);
        Assert.Equal(["Calendar.NameRequired"], unnamed.Errors);
    }

    [Fact]
    public async Task CalendarService_WrongRole_IsRefused()
    {
        await using var scope = TestScopes.As(Services, Roles.Executive, out BusinessCalendarService service);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.YearAsync(2026, CancellationToken.None));
    }

    [Fact]
    public async Task MemberAddAsync_UserWithoutTheRoleOrOverlappingTerm_IsRefused()
    {
        var merchandiser = TestScopes.UserId(Services, "merchandiser@demo.local");
        var member = TestScopes.UserId(Services, "committee@demo.local");
        await using var scope = TestScopes.As(Services, Roles.Executive, out CommitteeMemberService service);

        var notInRole = await service.AddAsync(new CommitteeMemberForm { UserId = merchandiser, Department = CommitteeDepartment.Product, EffectiveFrom = new DateTime(2030, 1, 1) }, CancellationToken.None);
        var overlapping = await service.AddAsync(new CommitteeMemberForm { UserId = member, Department = CommitteeDepartment.Programme, EffectiveFrom = new DateTime(2030, 1, 1) }, CancellationToken.None);
        var candidates = await service.CandidatesAsync(CancellationToken.None);

        Assert.Equal(["Committee.Members.NotInRole"], notInRole.Errors);
        Assert.Equal(["Committee.Members.Overlaps"], overlapping.Errors);
        Assert.DoesNotContain(candidates, c => c.UserId == merchandiser);
        Assert.Equal("Committee.Members.AlreadyMember", candidates.Single(c => c.UserId == member).Reason);
    }

    [Fact]
    public async Task ProposalScoring_MemberEffectiveOnlyAfterTheMeetingDate_CannotScore()
    {
        var member = TestScopes.UserId(Services, "committee.catalogue@demo.local");
        int proposalId;
        await using (var setup = TestScopes.As(Services, Roles.Executive, "exec-members"))
        {
            var db = setup.ServiceProvider.GetRequiredService<PortalDbContext>();
            var current = await db.CommitteeMembers.SingleAsync(m => m.UserId == member && m.EffectiveTo == null);
            var product = await db.Products.OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.SupplierId }).FirstAsync();
            var meeting = new ProductReviewMeeting(new DateOnly(2035, 3, 1));
            var proposal = new ProductProposal { ProductId = product.Id, ProductName = product.Name, SupplierId = product.SupplierId, ProposedPrice = 990m, SellingPoints = "測試", SubmittedById = "m", SubmittedByName = "m" };
            meeting.AddProposal(proposal);
            db.ProductReviewMeetings.Add(meeting);
            // The catalogue member's term ends before the meeting; the next term starts the day after it.
            current.End(new DateOnly(2035, 2, 28));
            db.CommitteeMembers.Add(new CommitteeMember { UserId = member, DisplayName = current.DisplayName, Department = CommitteeDepartment.Catalogue, EffectiveFrom = new DateOnly(2035, 3, 2) });
            await db.SaveChangesAsync();
            proposalId = proposal.Id;
        }

        await using var scope = TestScopes.As(Services, Roles.CommitteeMember, out ProposalScoring scoring, member);
        var result = await scoring.ScoreAsync(proposalId, new ScoreForm { Presentation = 80, SellingPoint = 80, Price = 80, Quality = 80 }, CancellationToken.None);

        Assert.Equal(["Committee.NotAMember"], result.Errors);
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");
}
