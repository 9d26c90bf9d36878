;;; emacs-client.el --- Emacs + eglot as a real LSP client of crmscript-language-server.
;;; Usage: emacs --batch -q -l emacs-client.el FILE.crm
;;; Env: CRMSCRIPT_SERVER (the server executable), COMPLETE_AFTER (text after which to complete),
;;;      HOVER_ON (a word to hover). Prints one JSON object and exits 0 when all three answered.
(require 'package)
(package-initialize)                    ; Debian's elpa-eglot lives in site-lisp: needs -q, not -Q
(require 'eglot)
(require 'json)

(define-derived-mode crmscript-mode prog-mode "CRMScript")
(add-to-list 'auto-mode-alist '("\\.crm\\(script\\)?\\'" . crmscript-mode))
(add-to-list 'eglot-server-programs `(crmscript-mode . (,(getenv "CRMSCRIPT_SERVER") "--stdio")))
(setq eglot-sync-connect t flymake-no-changes-timeout nil)

(defun crmscript-finish (ok result)
  (princ (concat (json-encode (append `((ok . ,(if ok t :json-false))) result)) "\n"))
  (kill-emacs (if ok 0 1)))

(defun crmscript-position-params (text after)
  "Position parameters at the first TEXT (just after it when AFTER)."
  (goto-char (point-min))
  (search-forward text)
  (unless after (goto-char (match-beginning 0)))
  (eglot--TextDocumentPositionParams))

(let* ((file (car command-line-args-left))
       (started (float-time))
       (buffer (find-file-noselect file)))
  (setq command-line-args-left nil)
  (with-current-buffer buffer
    (apply #'eglot (eglot--guess-contact))
    (let ((deadline (+ (float-time) 30)))
      (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
        (flymake-start)
        (accept-process-output nil 0.1)))
    (let ((diagnostics (mapcar (lambda (d) `((line . ,(1- (line-number-at-pos (flymake-diagnostic-beg d))))
                                             (type . ,(symbol-name (flymake-diagnostic-type d)))
                                             (message . ,(flymake-diagnostic-text d))))
                               (flymake-diagnostics)))
          (diagnostics-ms (round (* 1000 (- (float-time) started)))))
      (if (null diagnostics)
          (crmscript-finish nil '((error . "no diagnostics within 30 s")))
        (let* ((server (eglot--current-server-or-lose))
               (completion (jsonrpc-request server :textDocument/completion
                                            (crmscript-position-params (getenv "COMPLETE_AFTER") t)))
               (items (if (vectorp completion) completion (plist-get completion :items)))
               (labels (mapcar (lambda (item) (plist-get item :label)) items))
               (hover (jsonrpc-request server :textDocument/hover
                                       (crmscript-position-params (getenv "HOVER_ON") nil)))
               (hover-text (plist-get (plist-get hover :contents) :value)))
          (crmscript-finish (and labels hover-text)
                            `((emacs . ,emacs-version)
                              (diagnostics_ms . ,diagnostics-ms)
                              (diagnostics . ,(vconcat diagnostics))
                              (completion . ,(vconcat labels))
                              (hover . ,hover-text))))))))
