// The first page of the Loa console: log in and watch the stations. It uses only /api/v1.
(function () {
  const text = {
    vi: { title: "Loa – Đài truyền thanh cơ sở", login: "Đăng nhập", username: "Tên đăng nhập", password: "Mật khẩu",
      signin: "Đăng nhập", logout: "Đăng xuất", stations: "Trạm", live: "Cập nhật mỗi 5 giây.", station: "Trạm",
      name: "Tên", status: "Trạng thái", lastSeen: "Lần cuối liên lạc", uptime: "Thời gian chạy",
      online: "Trực tuyến", offline: "Mất kết nối", other: "English", failed: "Sai tên đăng nhập hoặc mật khẩu" },
    en: { title: "Loa – Commune radio", login: "Log in", username: "Username", password: "Password",
      signin: "Log in", logout: "Log out", stations: "Stations", live: "Refreshed every 5 seconds.", station: "Station",
      name: "Name", status: "Status", lastSeen: "Last seen", uptime: "Uptime",
      online: "Online", offline: "Offline", other: "Tiếng Việt", failed: "Wrong username or password" }
  };
  let lang = localStorage.getItem("loa.lang") || "vi";
  let token = sessionStorage.getItem("loa.token");
  let timer = null;
  const $ = (id) => document.getElementById(id);

  function t(key) { return text[lang][key]; }

  function translate() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach((node) => { node.textContent = t(node.dataset.i18n); });
    $("lang").textContent = t("other");
  }

  function localTime(instant) {
    if (!instant) { return "–"; }
    return new Date(instant).toLocaleString(lang === "vi" ? "vi-VN" : "en-GB", { timeZone: "Asia/Ho_Chi_Minh" });
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) { return "–"; }
    const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    return (h ? h + " h " : "") + (h || m ? m + " min " : "") + s + " s";
  }

  async function refresh() {
    const response = await fetch("/api/v1/stations", { headers: { Authorization: "Bearer " + token } });
    if (response.status === 401) { showLogin(); return; }
    const body = await response.json();
    const rows = body.stations.map((station) => {
      const row = document.createElement("tr");
      [station.id, station.name, t(station.status), localTime(station.lastSeen), duration(station.uptimeSeconds)]
        .forEach((value, index) => {
          const cell = document.createElement("td");
          cell.textContent = value;
          if (index === 2) { cell.className = station.status; }
          row.appendChild(cell);
        });
      return row;
    });
    $("stations").replaceChildren(...rows);
  }

  function showStations() {
    $("login-section").hidden = true;
    $("stations-section").hidden = false;
    $("logout").hidden = false;
    refresh();
    timer = setInterval(refresh, 5000);
  }

  function showLogin() {
    clearInterval(timer);
    token = null;
    sessionStorage.removeItem("loa.token");
    $("login-section").hidden = false;
    $("stations-section").hidden = true;
    $("logout").hidden = true;
  }

  $("login").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const response = await fetch("/api/v1/auth/login", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: form.get("username"), password: form.get("password") })
    });
    if (!response.ok) { $("login-error").textContent = t("failed"); return; }
    token = (await response.json()).token;
    sessionStorage.setItem("loa.token", token);
    $("login-error").textContent = "";
    showStations();
  });

  $("logout").addEventListener("click", async () => {
    await fetch("/api/v1/auth/logout", { method: "POST", headers: { Authorization: "Bearer " + token } });
    showLogin();
  });

  $("lang").addEventListener("click", () => {
    lang = lang === "vi" ? "en" : "vi";
    localStorage.setItem("loa.lang", lang);
    translate();
    if (token) { refresh(); }
  });

  translate();
  if (token) { showStations(); } else { showLogin(); }
})();
