using EasternSelect.Domain.Casework;

namespace EasternSelect.Domain.Tests.Casework;

public sealed class SlaTests
{
    // 2026-02-27 is a Friday; 2026-03-02 a Monday. Times below are Taiwan local, converted to UTC.
    private static DateTime Local(int month, int day, int hour) => new DateTime(2026, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-8);

    [Fact]
    public void AddBusinessDays_FromFriday_SkipsTheWeekend()
    {
        var calendar = new BusinessCalendar();

        Assert.Equal(Local(3, 2, 10), calendar.AddBusinessDays(Local(2, 27, 10), 1));
        Assert.Equal(Local(3, 10, 10), calendar.AddBusinessDays(Local(2, 27, 10), 7));
    }

    [Fact]
    public void AddBusinessDays_OverAHolidayAndAMakeUpSaturday_CountsThem()
    {
        // 228 Peace Memorial Day observed on Friday 2026-02-27; suppose Saturday 2026-03-07 is a make-up working day.
        var calendar = new BusinessCalendar(holidays: [new DateOnly(2026, 2, 27)], makeUpWorkdays: [new DateOnly(2026, 3, 7)]);

        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 2, 27)));
        Assert.True(calendar.IsBusinessDay(new DateOnly(2026, 3, 7)));
        Assert.Equal(Local(3, 2, 10), calendar.AddBusinessDays(Local(2, 26, 10), 1));
        Assert.Equal(Local(3, 7, 10), calendar.AddBusinessDays(Local(3, 2, 10), 5));
    }

    [Fact]
    public void AddBusinessHours_OpenedOnSaturday_StartsMondayMidnight()
    {
        var calendar = new BusinessCalendar();

        Assert.Equal(Local(3, 2, 4), calendar.AddBusinessHours(Local(2, 28, 15), 4));
        Assert.Equal(Local(3, 2, 22), calendar.AddBusinessHours(Local(2, 27, 22), 24));
    }

    [Fact]
    public void ClosureDue_CalendarOrBusinessDays_FollowsThePolicy()
    {
        var calendar = new BusinessCalendar();
        var opened = Local(2, 27, 10);

        Assert.Equal(opened.AddDays(7), new SlaPolicy().ClosureDue(opened, calendar));
        Assert.Equal(Local(3, 10, 10), new SlaPolicy(ClosureInBusinessDays: true).ClosureDue(opened, calendar));
    }

    [Theory]
    [InlineData(0, null, SlaStatus.OnTrack)]
    [InlineData(150, null, SlaStatus.DueSoon)]
    [InlineData(169, null, SlaStatus.Breached)]
    [InlineData(200, 100, SlaStatus.Met)]
    [InlineData(200, 170, SlaStatus.Missed)]
    public void Evaluate_AtHoursAfterOpening_GivesTheStatus(int nowHours, int? stoppedHours, SlaStatus expected)
    {
        var opened = Local(3, 2, 9);
        var due = opened.AddDays(7);

        var status = SlaClock.Evaluate(due, stoppedHours is { } s ? opened.AddHours(s) : null, opened.AddHours(nowHours), TimeSpan.FromHours(24));

        Assert.Equal(expected, status);
    }

    [Fact]
    public void DigestRule_ChangedFridayUnread_IsOverdueOnlyFromMonday()
    {
        var calendar = new BusinessCalendar();
        var changed = Local(2, 27, 16);

        Assert.False(GrievanceDigestRule.IsOverdue(changed, null, Local(3, 1, 23), calendar));
        Assert.True(GrievanceDigestRule.IsOverdue(changed, null, Local(3, 2, 0), calendar));
        Assert.False(GrievanceDigestRule.IsOverdue(changed, changed.AddHours(1), Local(3, 3, 0), calendar));
    }

    [Fact]
    public void NextBusinessDayStart_ThursdayNightUtcIsFridayInTaipei_IsMondayMidnightTaipei()
    {
        var calendar = new BusinessCalendar();
        // 2026-03-05 16:30 UTC is Friday 00:30 in Taipei: the next working day is Monday, not Friday.
        var changed = new DateTime(2026, 3, 5, 16, 30, 0, DateTimeKind.Utc);

        var next = calendar.NextBusinessDayStart(changed);

        Assert.Equal(new DateTime(2026, 3, 8, 16, 0, 0, DateTimeKind.Utc), next);
    }
}
