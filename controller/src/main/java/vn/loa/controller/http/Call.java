package vn.loa.controller.http;

import vn.loa.controller.auth.Principal;

/** A routed request with the principal making it (null on public routes). */
public record Call(Request request, Principal principal) {
}
