package vn.loa.controller.bulletin;

import vn.loa.protocol.BulletinClass;

/** Which bulletins to list; a null field matches every bulletin. */
public record BulletinFilter(BulletinState state, BulletinClass bulletinClass, String language) {
    public static BulletinFilter all() {
        return new BulletinFilter(null, null, null);
    }
}
