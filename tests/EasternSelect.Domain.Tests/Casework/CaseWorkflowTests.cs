using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Common;

namespace EasternSelect.Domain.Tests.Casework;

public sealed class CaseWorkflowTests
{
    private static readonly CaseActor Agent = new("u1", "客服專員 王淑芬");
    private static readonly DateTime Opened = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(CaseStatus.New, CaseStatus.Assigned, true)]
    [InlineData(CaseStatus.New, CaseStatus.Closed, false)]
    [InlineData(CaseStatus.Assigned, CaseStatus.Investigating, true)]
    [InlineData(CaseStatus.Assigned, CaseStatus.Resolved, false)]
    [InlineData(CaseStatus.Investigating, CaseStatus.WaitingForCustomer, true)]
    [InlineData(CaseStatus.Investigating, CaseStatus.WaitingForSupplier, true)]
    [InlineData(CaseStatus.WaitingForSupplier, CaseStatus.Investigating, true)]
    [InlineData(CaseStatus.WaitingForCustomer, CaseStatus.Closed, false)]
    [InlineData(CaseStatus.Resolved, CaseStatus.Closed, true)]
    [InlineData(CaseStatus.Investigating, CaseStatus.Closed, false)]
    [InlineData(CaseStatus.Closed, CaseStatus.Investigating, true)]
    [InlineData(CaseStatus.Closed, CaseStatus.New, false)]
    public void CanMove_Pairs_MatchTheWorkflow(CaseStatus from, CaseStatus to, bool allowed) =>
        Assert.Equal(allowed, CaseWorkflow.CanMove(from, to));

    [Fact]
    public void MoveTo_SkippingASteps_IsRefusedAndKeepsStatus()
    {
        var complaint = NewComplaint();

        var ex = Assert.Throws<DomainRuleException>(() => complaint.MoveTo(CaseStatus.Resolved, Agent, Opened.AddHours(1)));

        Assert.Equal("Case.Error.Transition", ex.Key);
        Assert.Equal(CaseStatus.New, complaint.Status);
    }

    [Fact]
    public void FullPath_ToClosure_RecordsEveryStepAndStampsHandlingTime()
    {
        var complaint = NewComplaint();
        complaint.Assign(Agent, Agent, Opened.AddMinutes(5));
        complaint.MoveTo(CaseStatus.Investigating, Agent, Opened.AddHours(1));
        complaint.MoveTo(CaseStatus.WaitingForSupplier, Agent, Opened.AddHours(2));
        complaint.MoveTo(CaseStatus.Resolved, Agent, Opened.AddDays(2));
        complaint.SetRootCause(RootCause.Delivery, "物流延誤", null, Agent, Opened.AddDays(2));
        complaint.MoveTo(CaseStatus.Closed, Agent, Opened.AddDays(3));

        Assert.Equal(CaseStatus.Closed, complaint.Status);
        Assert.Equal(72, complaint.HandlingHours);
        Assert.True(complaint.ClosedWithinTarget);
        Assert.Equal(Opened.AddHours(1), complaint.FirstResponseUtc);
        Assert.Equal(
            [CaseEventKind.Created, CaseEventKind.Assigned, CaseEventKind.StatusChanged, CaseEventKind.StatusChanged, CaseEventKind.StatusChanged, CaseEventKind.RootCause, CaseEventKind.StatusChanged],
            complaint.Events.Select(e => e.Kind));
    }

    [Fact]
    public void MoveToClosed_WithoutRootCause_IsRefused()
    {
        var complaint = Resolved();

        var ex = Assert.Throws<DomainRuleException>(() => complaint.MoveTo(CaseStatus.Closed, Agent, Opened.AddDays(1)));

        Assert.Equal("Complaint.Error.RootCauseRequired", ex.Key);
        Assert.Equal(CaseStatus.Resolved, complaint.Status);
    }

    [Fact]
    public void SetRootCause_QualityWithoutSupplier_IsRefused()
    {
        var complaint = Resolved();

        var ex = Assert.Throws<DomainRuleException>(() => complaint.SetRootCause(RootCause.QualityDefect, null, null, Agent, Opened));

        Assert.Equal("Complaint.Error.QualityNeedsSupplier", ex.Key);
        Assert.Null(complaint.RootCause);
    }

    [Fact]
    public void MoveToClosed_QualityDefectWithSupplier_ClosesAndKeepsTheSupplier()
    {
        var complaint = Resolved();
        complaint.SetRootCause(RootCause.QualityDefect, "瑕疵", 42, Agent, Opened.AddDays(1));

        complaint.MoveTo(CaseStatus.Closed, Agent, Opened.AddDays(8));

        Assert.Equal(42, complaint.SupplierId);
        Assert.False(complaint.ClosedWithinTarget);
    }

    [Fact]
    public void Reopen_ClosedCase_NeedsAReasonAndClearsClosure()
    {
        var complaint = Resolved();
        complaint.SetRootCause(RootCause.Expectation, null, null, Agent, Opened);
        complaint.MoveTo(CaseStatus.Closed, Agent, Opened.AddDays(1));

        Assert.Equal("Case.Error.ReopenReason", Assert.Throws<DomainRuleException>(() => complaint.MoveTo(CaseStatus.Investigating, Agent, Opened.AddDays(2))).Key);
        complaint.MoveTo(CaseStatus.Investigating, Agent, Opened.AddDays(2), "客戶再次來電");

        Assert.Equal(CaseStatus.Investigating, complaint.Status);
        Assert.Equal(1, complaint.ReopenCount);
        Assert.Null(complaint.ClosedUtc);
        Assert.Null(complaint.HandlingHours);
        Assert.Equal(CaseEventKind.Reopened, complaint.Events[^1].Kind);
    }

    [Fact]
    public void Grievance_Close_NeedsConclusionThenSignOff()
    {
        var auditor = new CaseActor("aud", "第三方稽核");
        var head = new CaseActor("head", "廠服主管");
        var g = new Grievance { Topic = GrievanceTopic.PaymentsFees };
        g.Open("G2026-0001", Opened, Opened.AddDays(7), null, head);
        g.Assign(head, head, Opened);
        g.MoveTo(CaseStatus.Investigating, head, Opened);
        g.MoveTo(CaseStatus.Resolved, head, Opened);
        g.AssignAuditor(auditor, head, Opened);

        Assert.Equal("Grievance.Error.NoConclusion", Assert.Throws<DomainRuleException>(() => g.MoveTo(CaseStatus.Closed, head, Opened)).Key);
        Assert.Equal("Grievance.Error.NotAssignedAuditor", Assert.Throws<DomainRuleException>(() => g.Conclude(GrievanceOutcome.Substantiated, "屬實", head, Opened)).Key);
        g.Conclude(GrievanceOutcome.Substantiated, "屬實", auditor, Opened);
        Assert.Equal("Grievance.Error.NoSignOff", Assert.Throws<DomainRuleException>(() => g.MoveTo(CaseStatus.Closed, head, Opened)).Key);
        g.SignOff(head, Opened);
        g.MoveTo(CaseStatus.Closed, head, Opened);

        Assert.Equal(CaseStatus.Closed, g.Status);
    }

    [Fact]
    public void Grievance_Token_OnlyItsHashIsKeptAndItMatches()
    {
        var (token, hash) = Grievance.NewToken();
        var g = new Grievance { TokenHash = hash };

        Assert.True(token.Length >= 30);
        Assert.DoesNotContain(token, hash, StringComparison.Ordinal);
        Assert.True(g.TokenMatches(token));
        Assert.False(g.TokenMatches(token + "x"));
        Assert.False(g.TokenMatches(null));
    }

    [Fact]
    public void Open_AlreadyOpenedCase_IsRefusedAndKeepsItsNumber()
    {
        var complaint = NewComplaint();

        var ex = Assert.Throws<DomainRuleException>(() => complaint.Open("C2026-000099", Opened.AddDays(1), Opened.AddDays(8), null, Agent));

        Assert.Equal("Case.Error.Transition", ex.Key);
        Assert.Equal(("C2026-000001", Opened), (complaint.Number, complaint.OpenedUtc));
    }

    [Fact]
    public void Assign_ClosedCase_IsRefused()
    {
        var complaint = Resolved();
        complaint.SetRootCause(RootCause.Delivery, null, null, Agent, Opened);
        complaint.MoveTo(CaseStatus.Closed, Agent, Opened.AddDays(1));

        var ex = Assert.Throws<DomainRuleException>(() => complaint.Assign(new CaseActor("u2", "另一位專員"), Agent, Opened.AddDays(2)));

        Assert.Equal("Case.Error.Closed", ex.Key);
        Assert.Equal("u1", complaint.AssigneeId);
    }

    [Fact]
    public void AddNote_Blank_IsRefusedAndRecordsNothing()
    {
        var complaint = NewComplaint();
        var events = complaint.Events.Count;

        var ex = Assert.Throws<DomainRuleException>(() => complaint.AddNote("  ", Agent, Opened.AddHours(1)));

        Assert.Equal("Case.Error.NoteEmpty", ex.Key);
        Assert.Equal(events, complaint.Events.Count);
        Assert.Null(complaint.FirstResponseUtc);
    }

    [Fact]
    public void Grievance_AssignAuditorAfterSignOff_IsRefused()
    {
        var auditor = new CaseActor("aud", "第三方稽核");
        var head = new CaseActor("head", "廠服主管");
        var g = new Grievance { Topic = GrievanceTopic.Other };
        g.Open("G2026-0002", Opened, Opened.AddDays(30), null, head);
        g.AssignAuditor(auditor, head, Opened);
        g.Conclude(GrievanceOutcome.NotSubstantiated, "不屬實", auditor, Opened);
        g.SignOff(head, Opened);

        var ex = Assert.Throws<DomainRuleException>(() => g.AssignAuditor(new CaseActor("aud2", "另一稽核"), head, Opened));

        Assert.Equal("Grievance.Error.AlreadySignedOff", ex.Key);
        Assert.Equal("aud", g.AuditorId);
    }

    [Fact]
    public void Close_WhileInvestigating_ResolvesRecordsTheCauseAndCloses()
    {
        var complaint = NewComplaint();
        complaint.Assign(Agent, Agent, Opened);
        complaint.MoveTo(CaseStatus.Investigating, Agent, Opened);

        complaint.Close(RootCause.Delivery, " 物流延誤 ", Agent, Opened.AddDays(1));

        Assert.Equal((CaseStatus.Closed, RootCause.Delivery, "物流延誤"), (complaint.Status, complaint.RootCause, complaint.RootCauseNote));
        Assert.Equal(Opened.AddDays(1), complaint.ResolvedUtc);
        Assert.Equal([CaseStatus.Resolved, CaseStatus.Closed], complaint.Events.Where(e => e.Kind == CaseEventKind.StatusChanged).Select(e => e.To!.Value).TakeLast(2));
    }

    [Fact]
    public void Close_QualityDefectWithoutSupplier_IsRefusedAndLeavesTheCaseAsItWas()
    {
        var complaint = NewComplaint();
        complaint.Assign(Agent, Agent, Opened);
        complaint.MoveTo(CaseStatus.Investigating, Agent, Opened);
        var events = complaint.Events.Count;

        var ex = Assert.Throws<DomainRuleException>(() => complaint.Close(RootCause.QualityDefect, null, Agent, Opened.AddDays(1)));

        Assert.Equal("Complaint.Error.QualityNeedsSupplier", ex.Key);
        Assert.Equal((CaseStatus.Investigating, events), (complaint.Status, complaint.Events.Count));
    }

    [Fact]
    public void Close_NewCase_IsRefused()
    {
        var complaint = NewComplaint();

        var ex = Assert.Throws<DomainRuleException>(() => complaint.Close(RootCause.Delivery, null, Agent, Opened.AddDays(1)));

        Assert.Equal("Case.Error.Transition", ex.Key);
        Assert.Equal(CaseStatus.New, complaint.Status);
    }

    [Fact]
    public void Close_QualityDefectOfAProduct_ChargesTheProductsSupplier()
    {
        var complaint = new Complaint { Channel = ComplaintChannel.Phone, CustomerName = "林小華", CustomerPhone = "0922333444", CategoryId = 1, ProductId = 9, SupplierId = 42 };
        complaint.Open("C2026-000002", Opened, Opened.AddDays(7), null, Agent);
        complaint.Assign(Agent, Agent, Opened);
        complaint.MoveTo(CaseStatus.Investigating, Agent, Opened);

        complaint.Close(RootCause.QualityDefect, "瑕疵", Agent, Opened.AddDays(2));

        Assert.Equal((CaseStatus.Closed, 42, true), (complaint.Status, complaint.SupplierId, complaint.ClosedWithinTarget));
    }

    private static Complaint NewComplaint()
    {
        var complaint = new Complaint { Channel = ComplaintChannel.Web, CustomerName = "陳小明", CustomerPhone = "0912345678", CategoryId = 1 };
        complaint.Open("C2026-000001", Opened, Opened.AddDays(7), Opened.AddHours(24), Agent);
        return complaint;
    }

    private static Complaint Resolved()
    {
        var complaint = NewComplaint();
        complaint.Assign(Agent, Agent, Opened);
        complaint.MoveTo(CaseStatus.Investigating, Agent, Opened);
        complaint.MoveTo(CaseStatus.Resolved, Agent, Opened);
        return complaint;
    }
}
