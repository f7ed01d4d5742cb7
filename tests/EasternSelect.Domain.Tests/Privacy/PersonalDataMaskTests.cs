using EasternSelect.Domain.Privacy;

namespace EasternSelect.Domain.Tests.Privacy;

public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData("王小明", "王*明")]
    [InlineData("王明", "王*")]
    [InlineData("歐陽小明", "歐**明")]
    [InlineData("王", "*")]
    [InlineData(" 王小明 ", "王*明")]
    [InlineData("John Smith", "J********h")]
    public void Name_PersonName_KeepsFirstAndLastCharacterOnly(string value, string expected) =>
        Assert.Equal(expected, PersonalDataMask.Name(value));

    [Fact]
    public void Name_CharacterOutsideBasicPlane_CountsAsOneCharacter() =>
        // 𠀋 is a surrogate pair; splitting it would leave half a character in the output.
        Assert.Equal("𠀋*明", PersonalDataMask.Name("𠀋小明"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Mask_EmptyInput_ReturnsEmpty(string? value)
    {
        foreach (var kind in Enum.GetValues<PersonalDataKind>())
        {
            Assert.Equal(string.Empty, PersonalDataMask.Mask(kind, value));
        }
    }

    [Theory]
    [InlineData(PersonalDataKind.Name)]
    [InlineData(PersonalDataKind.Phone)]
    [InlineData(PersonalDataKind.Email)]
    [InlineData(PersonalDataKind.Address)]
    [InlineData(PersonalDataKind.NationalId)]
    public void Mask_WhitespaceOnly_ReturnsEmpty(PersonalDataKind kind) =>
        Assert.Equal(string.Empty, PersonalDataMask.Mask(kind, "   "));

    [Theory]
    [InlineData("0912345678")]
    [InlineData("0912-345-678")]
    [InlineData("0912 345 678")]
    public void Phone_MobileNumberInAnyFormat_KeepsFourLeadingAndThreeTrailingDigits(string value) =>
        Assert.Equal("0912-***-678", PersonalDataMask.Phone(value));

    [Fact]
    public void Phone_LandlineWithAreaCode_KeepsFourLeadingAndThreeTrailingDigits() =>
        Assert.Equal("0223-***-789", PersonalDataMask.Phone("02-2345-6789"));

    [Theory]
    [InlineData("12", "***")]
    [InlineData("12345", "*****")]
    [InlineData("1234567", "*******")]
    public void Phone_FewerThanEightDigits_MasksEveryDigit(string value, string expected) =>
        Assert.Equal(expected, PersonalDataMask.Phone(value));

    [Theory]
    [InlineData("john@example.com", "j***@example.com")]
    [InlineData("john.doe@example.com", "j***@example.com")]
    [InlineData("a@b.tw", "a***@b.tw")]
    public void Email_Address_KeepsFirstCharacterAndDomain(string value, string expected) =>
        Assert.Equal(expected, PersonalDataMask.Email(value));

    [Fact]
    public void Email_WithoutAtSign_IsMaskedLikeAName() =>
        Assert.Equal("j**n", PersonalDataMask.Email("john"));

    [Theory]
    [InlineData("台北市信義區松仁路100號5樓", "台北市信義區*****")]
    [InlineData("高雄市前鎮區中山二路2號", "高雄市前鎮區*****")]
    [InlineData("新北市板橋區文化路一段188巷", "新北市板橋區*****")]
    public void Address_TaiwaneseAddress_KeepsCityAndDistrictOnly(string value, string expected) =>
        Assert.Equal(expected, PersonalDataMask.Address(value));

    [Fact]
    public void Address_ShortAddress_KeepsAtMostHalfOfIt() =>
        // Six characters may be the whole address; only the city is shown.
        Assert.Equal("台北市*****", PersonalDataMask.Address("台北市信義區"));

    [Theory]
    [InlineData("A123456789", "A12****789")]
    [InlineData(" F234567890 ", "F23****890")]
    public void NationalId_TenCharacters_KeepsThreeLeadingAndThreeTrailing(string value, string expected) =>
        Assert.Equal(expected, PersonalDataMask.NationalId(value));

    [Fact]
    public void NationalId_TooShortToShowEnds_MasksEverything() =>
        Assert.Equal("*****", PersonalDataMask.NationalId("A1234"));

    [Fact]
    public void FreeText_AnyText_ShowsOnlyItsLength() =>
        Assert.Equal("(13 chars)", PersonalDataMask.FreeText("客訴內容：商品有瑕疵請退貨"));

    [Theory]
    [InlineData(PersonalDataKind.Name, "王小明", "小")]
    [InlineData(PersonalDataKind.Name, "歐陽小明", "陽小")]
    [InlineData(PersonalDataKind.Phone, "0912345678", "345")]
    [InlineData(PersonalDataKind.Phone, "0912-345-678", "345")]
    [InlineData(PersonalDataKind.Email, "john@example.com", "ohn")]
    [InlineData(PersonalDataKind.Address, "台北市信義區松仁路100號5樓", "松仁路100號5樓")]
    [InlineData(PersonalDataKind.NationalId, "A123456789", "3456")]
    [InlineData(PersonalDataKind.FreeText, "我的電話是0912345678", "0912345678")]
    public void Mask_AnyKind_NeverContainsTheUnmaskedMiddle(PersonalDataKind kind, string value, string middle)
    {
        var masked = PersonalDataMask.Mask(kind, value);

        Assert.NotEqual(string.Empty, masked);
        Assert.DoesNotContain(middle, masked, StringComparison.Ordinal);
        Assert.DoesNotContain(value, masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Mask_UnknownKind_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PersonalDataMask.Mask((PersonalDataKind)99, "x"));
}
