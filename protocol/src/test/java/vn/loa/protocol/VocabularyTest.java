package vn.loa.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ordering of bulletin classes and the finality of receipt states that playout relies on. */
class VocabularyTest {

    @Test
    void higherClassOutranksLowerOnesAndNotItself() {
        assertThat(BulletinClass.EMERGENCY.outranks(BulletinClass.PRIORITY)).isTrue();
        assertThat(BulletinClass.PRIORITY.outranks(BulletinClass.NORMAL)).isTrue();
        assertThat(BulletinClass.EMERGENCY.outranks(BulletinClass.NORMAL)).isTrue();
        assertThat(BulletinClass.NORMAL.outranks(BulletinClass.PRIORITY)).isFalse();
        assertThat(BulletinClass.PRIORITY.outranks(BulletinClass.PRIORITY)).isFalse();
    }

    @Test
    void bulletinClassReadsOnlyItsWireNames() {
        for (BulletinClass bulletinClass : BulletinClass.values()) {
            assertThat(BulletinClass.fromWire(bulletinClass.wireName())).contains(bulletinClass);
        }
        assertThat(BulletinClass.fromWire("Emergency")).isEmpty();
        assertThat(BulletinClass.fromWire(null)).isEmpty();
    }

    @Test
    void onlyStartedIsNotAFinalState() {
        for (ReceiptState state : ReceiptState.values()) {
            assertThat(state.isFinal()).as(state.name()).isEqualTo(state != ReceiptState.STARTED);
        }
    }
}
