import CioDashRender
import Crypto
import Foundation
import NIOCore

/// The page the room's browsers open and its two assets, made once. The page has no inline script
/// or style (the Content-Security-Policy allows only the server's own files), no external resource,
/// and no text of the meeting: everything from a status file comes later, escaped, from the server.
enum WebPages {
    static let css = """
    :root{--bg:\(ThemeCSS.background);--fg:\(ThemeCSS.foreground);color-scheme:dark}
    *{box-sizing:border-box}
    body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
    header{position:sticky;top:0;z-index:2;background:#252526;border-bottom:1px solid #444;padding:.35em .6em}
    #top{display:flex;flex-wrap:wrap;gap:.2em .8em;align-items:baseline}
    #meeting{font-weight:600;flex:1 1 14em}
    #slide{opacity:.85;white-space:nowrap}
    .clock{white-space:nowrap;padding:0 .35em;border-radius:3px}
    .clock.last5{background:#f5f543;color:#000}.clock.last1{background:#f14c4c;color:#000;font-weight:700}
    .clock.overrun{background:#f14c4c;color:#fff;font-weight:700}
    #controls{display:flex;flex-wrap:wrap;gap:.4em;margin:.35em 0 .1em}
    button{font:inherit;color:inherit;background:#333;border:1px solid #666;border-radius:4px;padding:.3em .7em;min-height:2.2em;cursor:pointer}
    button[aria-pressed=true]{background:#29b8db;color:#000;border-color:#29b8db;font-weight:600}
    #status{margin:.1em 0 0;font-size:.9em;opacity:.9}
    #unitbox{display:flex;flex-wrap:wrap;gap:.4em;align-items:center;margin:.35em 0 .1em}#unitbox[hidden]{display:none}
    #unitbox select,#unitbox input{font:inherit;color:inherit;background:#111;border:1px solid #666;border-radius:4px;padding:.3em .4em;min-height:2.2em;max-width:100%}
    #status.alert{color:#f5f543;opacity:1}
    #list{padding:.5em .6em;border-bottom:1px solid #444}
    #q{font:inherit;width:100%;max-width:28em;padding:.35em .5em;background:#111;color:inherit;border:1px solid #666;border-radius:4px}
    #entries{list-style:none;margin:.5em 0 0;padding:0;columns:15em;max-height:45vh;overflow-y:auto}
    #entries li{padding:.15em 0;break-inside:avoid}
    #entries a{color:inherit}#entries small{opacity:.6}#entries .ahead{opacity:.45}
    main{padding:.4em .5em 2em}
    main h2{font-size:1.1em;margin:.3em 0 .4em}
    main .up{margin:.2em 0 .4em}main .up a{color:inherit}
    pre.grid{font-family:\(SVGPicture.fontStack);font-size:14px;line-height:1.3;margin:0;white-space:pre;overflow-x:auto;font-variant-ligatures:none}
    pre.grid a{text-decoration:none;color:inherit}pre.grid a:hover,pre.grid a:focus{outline:1px solid #29b8db;background:#2a2d2e}
    .w{display:inline-block;width:2ch;text-align:center}
    #measure{position:absolute;visibility:hidden;white-space:pre}
    .refusal main{max-width:40em;margin:3em auto;padding:0 1em}.refusal h1{font-size:1.3em}.refusal p[lang=en]{opacity:.85}
    @media (max-width:480px){body{font-size:14px}pre.grid{font-size:12px}}
    @media print{
      :root{--bg:#fff;--fg:#000;color-scheme:light}
      header #controls,#status,#list,#unitbox{display:none}header{position:static;background:none}
      pre.grid{overflow:visible;print-color-adjust:exact;-webkit-print-color-adjust:exact}.r0{color:#000}
    }

    """ + ThemeCSS.rules(.default)

    static let script = """
    (function(){
    'use strict';
    var base=location.pathname.replace(/\\/+$/,'');
    var T={
     vi:{follow:'Theo người trình bày',browse:'Tự xem',other:'English',connecting:'Đang kết nối tới người trình bày…',
      following:'Đang theo người trình bày',browsing:'Đang tự xem · bấm “Theo người trình bày” để quay lại',
      left:'Người trình bày đã thoát; giữ trang cuối và sẽ theo lại khi họ mở lại',lost:'Mất kết nối tới người trình bày; đang thử lại…',
      refused:'Địa chỉ này không còn dùng được (người trình bày đã đổi mã phòng?): quét lại mã QR trên màn chiếu',
      search:'tìm: hue, dak lak, chu ky so',ahead:'Trang này chưa được chiếu; người trình bày không cho xem trước.',
      failed:'Không tải được trang này.',list:'Danh sách trang',
      whichUnit:'Bạn đại diện cho đơn vị nào?',noUnit:'Không chọn',unit:'Đơn vị',pick:'— chọn đơn vị —',unitSearch:'tìm: hue, dak lak'},
     en:{follow:'Follow the presenter',browse:'Browse',other:'Tiếng Việt',connecting:'Connecting to the presenter…',
      following:'Following the presenter',browsing:'Browsing on your own · press “Follow the presenter” to go back',
      left:'The presenter has quit; keeping the last slide, following again when they restart',lost:'Link to the presenter lost; trying again…',
      refused:'This address no longer works (a new room code?): scan the QR code on the projector again',
      search:'search: hue, dak lak, signatures',ahead:'This slide has not been shown yet; the presenter does not allow looking ahead.',
      failed:'Could not load this page.',list:'Pages',
      whichUnit:'Which unit do you represent?',noUnit:'Skip',unit:'Unit',pick:'— choose a unit —',unitSearch:'search: hue, dak lak'}};
    // The unit this browser represents, remembered per join address: null never asked, '' skipped.
    var unitKey='ciodash-unit:'+base,unit=null;try{unit=localStorage.getItem(unitKey);}catch(e){}
    var lang='vi';try{lang=localStorage.getItem('ciodash-lang')==='en'?'en':'vi';}catch(e){}
    var state=null,receivedAt=0,attached=true,shown=null,index=null,link='connecting',es=null,loading=0;
    function $(id){return document.getElementById(id);}
    function t(k){return T[lang][k];}
    function fold(s){return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g,'').replace(/[\\p{M}\\p{Cf}\\p{Cc}]/gu,'').replace(/[đĐÐ]/g,'d').toLowerCase().replace(/[\\s_-]+/g,' ').trim();}
    function cols(){
      var m=$('measure');var w=m.getBoundingClientRect().width/10||8;
      var v=$('view'),cs=getComputedStyle(v);
      var room=v.clientWidth-parseFloat(cs.paddingLeft)-parseFloat(cs.paddingRight);
      return Math.max(30,Math.min(240,Math.floor(room/w)));
    }
    function topicOf(v){if(!v)return null;if(v.indexOf('topic:')===0)return v.slice(6);if(v.indexOf('panel:')===0){return v.slice(v.lastIndexOf('/')+1);}return null;}
    function mmss(s){s=Math.floor(Math.abs(s));var m=Math.floor(s/60),r=s%60;return m+':'+(r<10?'0':'')+r;}
    function clock(){
      var el=$('clock');if(!state||!index){el.textContent='';el.className='clock';return;}
      var tp=topicOf(state.view),topic=null;index.topics.forEach(function(x){if(x.id===tp)topic=x;});
      if(!topic||topic.minutes==null){el.textContent='';el.className='clock';return;}
      var w=index.words,el2=(state.spent[tp]||0);
      if(state.active===tp&&state.runningFor!=null){el2+=state.runningFor+(performance.now()/1000-receivedAt);}
      var left=topic.minutes*60-el2,text,cls='clock';
      if(left<0){text='‼ '+w.overrun+' +'+mmss(-left);cls+=' overrun';}
      else{text=lang==='vi'?w.timeLeft+' '+mmss(left):mmss(left)+' '+w.timeLeft;
        if(left<60){text='‼ '+text+' · '+w.lastMinute;cls+=' last1';}else if(left<300){text='▲ '+text+' · '+w.lastFiveMinutes;cls+=' last5';}}
      if(state.paused)text+=' ('+w.paused+')';
      el.textContent=text;el.className=cls;
    }
    function words(){
      document.documentElement.lang=lang;
      $('follow').textContent=t('follow');$('browse').textContent=t('browse');$('lang').textContent=t('other');
      $('q').placeholder=t('search');$('list').setAttribute('aria-label',t('list'));
      $('follow').setAttribute('aria-pressed',String(attached));$('browse').setAttribute('aria-pressed',String(!attached));
      var s=link==='joined'?(attached?'following':'browsing'):link;
      $('status').textContent=t(s);$('status').className=(link==='joined'||link==='connecting')?'':'alert';
      if(state&&index){$('slide').textContent=index.words.slide+' '+state.slide+'/'+state.slides;}
      $('unitw').textContent=t('whichUnit');$('unitskip').textContent=t('noUnit');$('uq').placeholder=t('unitSearch');
      if($('unit').options.length)$('unit').options[0].textContent=t('pick');
      showUnit();
    }
    function unitName(){
      var n='';if(index)(index.units||[]).forEach(function(u){if(u.id===unit)n=u.name;});return n||t('noUnit');
    }
    function showUnit(){
      $('unitbox').hidden=unit!==null;$('unitbtn').hidden=unit===null;
      $('unitbtn').textContent=t('unit')+': '+unitName();
    }
    function fillUnits(){
      var sel=$('unit');sel.replaceChildren();
      var o=document.createElement('option');o.value='';o.textContent=t('pick');sel.appendChild(o);
      (index.units||[]).forEach(function(u){
        var o=document.createElement('option');o.value=u.id;o.textContent=u.name;o.setAttribute('data-k',fold(u.name));sel.appendChild(o);
      });
      sel.value=unit||'';showUnit();
    }
    // Tells the presenter (GET: see docs/network.md); again on each (re)connection, for a restarted presenter.
    function announce(){
      if(unit===null)return;
      fetch(base+'/attend?unit='+encodeURIComponent(unit),{cache:'no-store'}).catch(function(){});
    }
    function choose(v){unit=v;try{localStorage.setItem(unitKey,v);}catch(e){}announce();showUnit();}
    function ahead(v){
      if(!state||!state.noAhead||!index)return false;
      var i=index.deck.indexOf(v);return i>=0&&i>state.furthest;
    }
    function load(v){
      shown=v;var n=++loading;
      fetch(base+'/view/'+encodeURIComponent(v)+'?w='+cols()+'&lang='+lang,{cache:'no-store'}).then(function(r){
        if(n!==loading)return;
        if(r.status===403){return r.text().then(function(){if(n===loading)message(t('ahead'));});}
        if(!r.ok){message(t('failed'));return;}
        return r.text().then(function(html){if(n===loading){$('view').innerHTML=html;}});
      }).catch(function(){if(n===loading)message(t('failed'));});
    }
    function message(text){var p=document.createElement('p');p.textContent=text;$('view').replaceChildren(p);}
    function fillIndex(){
      if(!index)return;$('meeting').textContent=index.meeting;document.title=index.meeting+' — ciodash';
      var ul=$('entries');ul.replaceChildren();
      index.entries.forEach(function(e){
        var li=document.createElement('li');li.setAttribute('data-k',e.key);
        var a=document.createElement('a');a.href='#';a.textContent=e.title;a.setAttribute('data-view',e.view);
        if(ahead(e.view))li.className='ahead';
        li.appendChild(a);if(e.kind){var s=document.createElement('small');s.textContent=' '+e.kind;li.appendChild(s);}
        ul.appendChild(li);
      });
      filter();fillUnits();
    }
    function filter(){
      var k=fold($('q').value);
      [].forEach.call($('entries').children,function(li){li.hidden=k!==''&&li.getAttribute('data-k').indexOf(k)<0;});
    }
    function getIndex(then){
      fetch(base+'/index?lang='+lang,{cache:'no-store'}).then(function(r){
        if(r.status===403||r.status===429){link='refused';words();return null;}
        return r.ok?r.json():null;
      }).then(function(j){if(j){index=j;fillIndex();words();clock();}if(then)then();}).catch(function(){if(then)then();});
    }
    function onState(s){
      var reindex=!index||s.generation!==index.generation;
      state=s;receivedAt=performance.now()/1000;link='joined';
      var go=function(){
        words();clock();
        if(attached&&(s.view!==shown||reindex))load(s.view);
        if(index&&state.noAhead)fillIndex();
      };
      if(reindex)getIndex(go);else go();
    }
    function connect(){
      if(es)es.close();
      es=new EventSource(base+'/events');
      es.addEventListener('state',function(e){try{onState(JSON.parse(e.data));}catch(x){}});
      es.addEventListener('bye',function(){link='left';words();});
      es.onopen=announce;
      es.onerror=function(){
        if(link!=='left')link='lost';words();
        if(es.readyState===2){getIndex(null);setTimeout(function(){if(link!=='refused')connect();},3000);}
      };
    }
    function detach(v){attached=false;$('list').hidden=true;words();load(v);window.scrollTo(0,0);}
    $('follow').addEventListener('click',function(){attached=true;$('list').hidden=true;words();if(state)load(state.view);});
    $('browse').addEventListener('click',function(){attached=false;$('list').hidden=false;words();$('q').focus();});
    $('lang').addEventListener('click',function(){
      lang=lang==='vi'?'en':'vi';try{localStorage.setItem('ciodash-lang',lang);}catch(e){}
      index=null;words();getIndex(function(){if(shown)load(shown);});
    });
    $('q').addEventListener('input',filter);
    $('unit').addEventListener('change',function(){if($('unit').value)choose($('unit').value);});
    $('unitskip').addEventListener('click',function(){choose('');});
    $('unitbtn').addEventListener('click',function(){$('unitbox').hidden=false;$('unitbtn').hidden=true;$('uq').focus();});
    $('uq').addEventListener('input',function(){
      var k=fold($('uq').value),first=null;
      [].forEach.call($('unit').options,function(o){if(!o.value)return;o.hidden=k!==''&&o.getAttribute('data-k').indexOf(k)<0;if(!o.hidden&&!first)first=o;});
      if(k&&first)$('unit').value=first.value;
    });
    $('uq').addEventListener('keydown',function(e){if(e.key==='Enter'){if($('unit').value)choose($('unit').value);e.preventDefault();}});
    $('q').addEventListener('keydown',function(e){
      if(e.key==='Enter'){var f=[].filter.call($('entries').children,function(li){return !li.hidden;})[0];
        if(f)detach(f.firstChild.getAttribute('data-view'));e.preventDefault();}
    });
    $('entries').addEventListener('click',function(e){
      var a=e.target.closest('a');if(!a)return;e.preventDefault();detach(a.getAttribute('data-view'));
    });
    $('view').addEventListener('click',function(e){
      var a=e.target.closest('a');if(!a)return;var h=a.getAttribute('href')||'';
      if(h.indexOf('#v-')!==0)return;e.preventDefault();
      try{detach(decodeURIComponent(h.slice(3).replace(/_/g,'%')));}catch(x){}
    });
    var resized=null;
    window.addEventListener('resize',function(){clearTimeout(resized);resized=setTimeout(function(){if(shown)load(shown);},250);});
    setInterval(clock,250);
    words();getIndex(null);connect();
    })();

    """

    static let cssName = "page-" + hash(css) + ".css"
    static let scriptName = "page-" + hash(script) + ".js"

    static let pageHTML = """
    <!DOCTYPE html>
    <html lang="vi">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="no-referrer">
    <title>ciodash</title>
    <link rel="stylesheet" href="/assets/\(cssName)">
    <script src="/assets/\(scriptName)" defer></script>
    </head>
    <body>
    <header>
    <div id="top"><span id="meeting">ciodash</span> <span id="slide"></span> <span id="clock" class="clock" role="timer"></span></div>
    <div id="controls"><button id="follow" type="button" aria-pressed="true">Theo người trình bày</button> <button id="browse" type="button" aria-pressed="false">Tự xem</button> <button id="lang" type="button">English</button> <button id="unitbtn" type="button" hidden></button></div>
    <div id="unitbox" hidden><label for="unit" id="unitw">Bạn đại diện cho đơn vị nào?</label> <input id="uq" type="search" autocomplete="off" placeholder="tìm: hue, dak lak"> <select id="unit"></select> <button id="unitskip" type="button">Không chọn</button></div>
    <p id="status" role="status">Đang kết nối tới người trình bày…</p>
    </header>
    <nav id="list" hidden><input id="q" type="search" autocomplete="off" placeholder="tìm: hue, dak lak, chu ky so"><ul id="entries"></ul></nav>
    <main id="view"><p>Đang tải… / Loading…</p></main>
    <pre class="grid" id="measure" aria-hidden="true">MMMMMMMMMM</pre>
    <noscript><p>Trang này cần JavaScript để theo người trình bày. / This page needs JavaScript to follow the presenter.</p></noscript>
    </body>
    </html>

    """

    static let page = WebResponse(status: (200, "OK"), contentType: "text/html; charset=utf-8", body: ByteBuffer(string: pageHTML))

    /// The assets by path; immutable, since a new content is a new name.
    static let assets: [Substring: WebResponse] = [
        Substring("/assets/" + cssName): WebResponse(status: (200, "OK"), contentType: "text/css; charset=utf-8",
                                                     body: ByteBuffer(string: css), cacheable: true),
        Substring("/assets/" + scriptName): WebResponse(status: (200, "OK"), contentType: "text/javascript; charset=utf-8",
                                                        body: ByteBuffer(string: script), cacheable: true),
    ]

    /// A page that says why, Vietnamese first; made from the program's own sentences only.
    static func refusal(_ reason: WebRefusal) -> WebResponse {
        var html = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>ciodash: \(reason.status.code)</title>\n<link rel=\"stylesheet\" href=\"/assets/\(cssName)\">\n</head>\n"
        html += "<body class=\"refusal\">\n<main>\n<h1>\(reason.text(.vi))</h1>\n<p lang=\"en\">\(reason.text(.en))</p>\n"
        if reason == .wrongToken || reason == .notFound {
            html += "<p>Mở đúng địa chỉ hiện trên màn chiếu (phím i của người trình bày), hoặc quét mã QR.</p>\n"
            html += "<p lang=\"en\">Open the address shown on the projector (the presenter's i key), or scan its QR code.</p>\n"
        }
        html += "</main>\n</body>\n</html>\n"
        var response = WebResponse(status: reason.status, contentType: "text/html; charset=utf-8", body: ByteBuffer(string: html))
        if reason == .tooManyAttempts || reason == .tooManyAttemptsInRoom { response.headers.append(("Retry-After", "60")) }
        return response
    }

    static func hash(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).prefix(6).map { String(format: "%02x", $0) }.joined()
    }
}
